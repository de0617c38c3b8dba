import type { LocalVolume } from '../../lib/contract';
import { NODE_GROUPS, type Profile } from '../../profile/types';
import { deployedContracts } from '../flavours';

/** The local volumes the deployed components claim and the profile turns on, by node group, then name. */
export function enabledLocalVolumes(p: Profile): PlacedVolume[] {
  if (!p.localVolumes.enabled) return [];
  const groupOrder = (v: LocalVolume) => NODE_GROUPS.indexOf(v.group);
  return deployedContracts(p)
    .flatMap((c) => c.volumes ?? [])
    .filter((v) => v.persistence(p).enabled)
    .flatMap((v) => perReplica(v, v.replicas?.(p) ?? 1).map((placed, i) => onHost(placed, i, p.localVolumes.hosts[v.group])))
    .sort((a, b) => groupOrder(a) - groupOrder(b) || a.pvName.localeCompare(b.pvName));
}

/** A local volume as the storage chart writes it: the claim it is pre-bound to, if any, and the host it is pinned to. */
export interface PlacedVolume extends LocalVolume {
  readonly claimName?: string;
  /** The node it lives on (`localVolumes.hosts`); none: any machine of its group. */
  readonly host?: string;
}

/** Replica `i`'s volume on the group's `i`-th named machine, round the list. */
function onHost(v: PlacedVolume, i: number, hosts: readonly string[]): PlacedVolume {
  return hosts.length ? { ...v, host: hosts[i % hosts.length] } : v;
}

/**
 * One volume per replica: the first keeps the single volume's name and directory (an existing
 * installation's data stays where it is), the others get `-<ordinal>`. Their labels are the same,
 * so each is pre-bound to its replica's claim: labels alone would let replica 0 bind volume 2,
 * and a pod rescheduled later find another replica's data.
 */
function perReplica(v: LocalVolume, replicas: number): PlacedVolume[] {
  if (replicas <= 1) return [v];
  const template = v.claimTemplate;
  if (!template) throw new Error(`${v.pvName} has replicas but no claimTemplate to pre-bind them to (its contract)`);
  return Array.from({ length: replicas }, (_, i) => ({
    ...v,
    ...(i === 0 ? {} : { pvName: `${v.pvName}-${i}`, directory: `${v.directory}-${i}` }),
    claimName: `${template.name}-${template.statefulSet}-${i}`,
  }));
}

/** The host directory of a volume. */
export const hostPath = (p: Profile, v: LocalVolume) => `${p.localVolumes.hostRoot}/${v.directory}`;

/**
 * A note per node group whose replicas' volumes may bind on any of its machines: a replica moved to
 * another machine would find an empty directory there. Naming the machines pins them.
 */
export function unpinnedVolumeNotices(p: Profile): string[] {
  const volumes = enabledLocalVolumes(p).filter((v) => v.claimName && !v.host);
  return NODE_GROUPS.filter((g) => volumes.some((v) => v.group === g)).map(
    (g) =>
      `local volumes ${volumes
        .filter((v) => v.group === g)
        .map((v) => v.pvName)
        .join(
          ', ',
        )} may bind on any ${g} machine: name them in localVolumes.hosts.${g}, so that a replica moved to another machine waits for its data instead of starting empty (README, Scaling Kafka and Zookeeper out)`,
  );
}
