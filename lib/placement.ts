import type { k8s } from 'cdk8s-plus-27';
import { NODE_GROUPS, type NodeGroup, type Placement, type Profile } from '../profile/types';

/**
 * Placement as the charts receive it: the profile's, with the number of machines of each group
 * where the profile knows them (capacity.machines), which decides where a disruption budget helps.
 */
export interface PodPlacement extends Placement {
  readonly machines?: Partial<Record<NodeGroup, number>>;
}

/** The node label that names a node's group (`kubectl label nodes NODE dojot.components/group=GROUP`). */
export const NODE_GROUP_LABEL = 'dojot.components/group';

/** The profile's placement for the charts, with the machine counts it knows (0 is unknown, left out). */
export function podPlacement(p: Pick<Profile, 'placement' | 'capacity'>): PodPlacement {
  const machines = Object.fromEntries(
    NODE_GROUPS.filter((g) => p.capacity.machines[g].count > 0).map((g) => [g, p.capacity.machines[g].count]),
  );
  return { ...p.placement, machines };
}

/** Required node affinity to a node group, the original's only placement rule. */
export function nodeGroupSelector(placement: Placement, group: NodeGroup): k8s.NodeSelector {
  return {
    nodeSelectorTerms: [{ matchExpressions: [{ key: NODE_GROUP_LABEL, operator: 'In', values: [placement.nodeLabels[group]] }] }],
  };
}

/** Pod affinity for a workload of `group`, or none when node affinity is off. */
export function podAffinity(placement: Placement, group: NodeGroup): k8s.Affinity | undefined {
  if (!placement.nodeAffinity) return undefined;
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: nodeGroupSelector(placement, group) } };
}

/** The node group a synthesized pod spec (plain JSON) is pinned to by `nodeGroupSelector`, if any. */
export function pinnedGroup(podSpec: { affinity?: unknown } | undefined, placement: Placement): NodeGroup | undefined {
  const terms = (podSpec?.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: k8s.NodeSelector } } | undefined)
    ?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const label = terms?.[0]?.matchExpressions?.find((e) => e.key === NODE_GROUP_LABEL)?.values?.[0];
  return NODE_GROUPS.find((g) => placement.nodeLabels[g] === label);
}
