import { k8s } from 'cdk8s-plus-27';
import { NODE_GROUPS, type NodeGroup, type Placement } from '../profile/types';

/** The node label that names a node's group (`kubectl label nodes NODE dojot.components/group=GROUP`). */
export const NODE_GROUP_LABEL = 'dojot.components/group';

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
  const terms = (podSpec?.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: k8s.NodeSelector } } | undefined)?.nodeAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const label = terms?.[0]?.matchExpressions?.find((e) => e.key === NODE_GROUP_LABEL)?.values?.[0];
  return NODE_GROUPS.find((g) => placement.nodeLabels[g] === label);
}
