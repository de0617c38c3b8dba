import { HOST_DIRECTORIES_SCRIPT, renderHostDirectoriesScript } from '../charts/storage/host-directories';
import { loadBalancerFiles } from '../haproxy/load-balancer-files';
import type { SideFile } from '../lib/side-file';
import type { Profile } from '../profile/types';

/** The side files of the profile: the host-directory script of the local volumes, and the load balancer's files. */
export function sideFiles(profile: Profile): { files: SideFile[]; notices: string[] } {
  const script = renderHostDirectoriesScript(profile);
  const lb = loadBalancerFiles(profile);
  return { files: [...(script ? [{ name: HOST_DIRECTORIES_SCRIPT, content: script, mode: 0o755 }] : []), ...lb.files], notices: lb.notices };
}
