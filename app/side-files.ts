import { type Component, isDeployed } from '../charts/component';
import { COMPONENTS } from '../charts/components';
import { unpinnedVolumeNotices } from '../charts/storage/local-volumes';
import { HOST_DIRECTORIES_SCRIPT, renderHostDirectoriesScript } from '../charts/storage/host-directories';
import { helmInstall, helmValuesFile } from '../charts/metrics/helm-values';
import { loadBalancerFiles } from '../load-balancer/load-balancer-files';
import type { SideFile } from '../lib/side-file';
import type { Profile } from '../profile/types';

/**
 * The side files of the profile: the host-directory script of the local volumes, and the load
 * balancer's files when an inventory gave their nodes (no example address ever reaches them).
 */
export function sideFiles(
  profile: Profile,
  loadBalancer: boolean,
  published = 'dist',
): { files: SideFile[]; notices: string[]; warnings: string[] } {
  const script = renderHostDirectoriesScript(profile);
  const lb = loadBalancer
    ? loadBalancerFiles(profile)
    : {
        files: [],
        warnings: [],
        notices: [
          "no inventory: the load balancer's files (haproxy.cfg and its sysctl file) need its nodes; give --inventory to write them",
        ],
      };
  const helm = profile.metrics.enabled ? [helmValuesFile(profile)] : [];
  const install = profile.metrics.enabled
    ? [`the Prometheus stack, before ${published}/monitoring: ${helmInstall(profile, published)}`]
    : [];
  return {
    files: [...(script ? [{ name: HOST_DIRECTORIES_SCRIPT, content: script, mode: 0o755 }] : []), ...lb.files, ...helm],
    notices: [...lb.notices, ...install, ...unpinnedVolumeNotices(profile), ...componentNotices(profile)],
    warnings: lb.warnings,
  };
}

/** What the deployed components have to tell of this profile (each component's `notices`). */
function componentNotices(profile: Profile): string[] {
  return (COMPONENTS as readonly Component[]).filter((c) => isDeployed(c, profile)).flatMap((c) => c.notices?.(profile) ?? []);
}
