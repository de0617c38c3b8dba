import { NODE_GROUP_LABEL } from '../lib/placement';
import { parseQuantity } from '../profile/quantity';
import { NODE_GROUPS, type NodeGroup, type Profile } from '../profile/types';
import { KWOK_NODE_ANNOTATION } from './control-plane';

/** Pods a node accepts: the kubelet's default --max-pods. */
const MAX_PODS = 110;

/** A Node object as the rehearsal creates it (status included: kwok keeps it). */
export interface NodeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'Node';
  readonly metadata: { readonly name: string; readonly labels: Record<string, string>; readonly annotations: Record<string, string> };
  readonly status: {
    readonly capacity: Record<string, string>;
    readonly allocatable: Record<string, string>;
  };
}

/** A profile that knows no machine cannot be rehearsed: the one line that says so. */
export class NoMachinesError extends Error {}

/**
 * One Node per machine of `capacity.machines`, named `<group>-<n>` and labelled with the profile's
 * node-group label. Capacity is the machine's cores and memory; allocatable keeps
 * `capacity.reservedPercent` back, as synth's capacity check counts them (app/capacity-fit.ts).
 */
export function nodesOf(p: Profile): NodeObject[] {
  const groups = NODE_GROUPS.filter((g) => p.capacity.machines[g].count > 0);
  if (!groups.length) {
    throw new NoMachinesError(
      "the profile knows no machines (capacity.machines: every count is 0): give each node group its machines, or use --profile 100k (the guide's)",
    );
  }
  const usable = 1 - p.capacity.reservedPercent / 100;
  return groups.flatMap((g: NodeGroup) => {
    const m = p.capacity.machines[g];
    const memory = parseQuantity(m.memory);
    return Array.from({ length: m.count }, (_, i): NodeObject => {
      const name = `${g}-${i + 1}`;
      return {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          labels: {
            [NODE_GROUP_LABEL]: p.placement.nodeLabels[g],
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            type: 'kwok',
          },
          annotations: { [KWOK_NODE_ANNOTATION.key]: KWOK_NODE_ANNOTATION.value },
        },
        status: {
          capacity: { cpu: `${Math.round(m.cores * 1000)}m`, memory: `${Math.floor(memory / 1024)}Ki`, pods: `${MAX_PODS}` },
          allocatable: {
            cpu: `${Math.floor(m.cores * 1000 * usable)}m`,
            memory: `${Math.floor((memory * usable) / 1024)}Ki`,
            pods: `${MAX_PODS}`,
          },
        },
      };
    });
  });
}
