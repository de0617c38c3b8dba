import { k8s } from 'cdk8s-plus-27';
import type { NodeGroup, Placement } from '../profile/types';

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
