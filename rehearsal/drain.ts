import { NODE_GROUP_LABEL } from '../lib/placement';
import type { Failure } from './assertions';
import type { ClusterState, Obj } from './cluster-state';
import type { Kubectl } from './kubectl';
import type { NodeObject } from './nodes';

/**
 * How long one `kubectl drain` may take before it counts as blocked, by default: budgets let one
 * pod go at a time and kubectl retries every 5 s, and a busy machine makes each round slower.
 */
export const DRAIN_TIMEOUT_S = 120;

/** What one drain did, as `kubectl get pods,pvc -o wide` shows it right after. */
export interface DrainResult {
  readonly node: string;
  readonly group: string;
  readonly completed: boolean;
  readonly seconds: number;
  /** kubectl drain's own words when it did not complete. */
  readonly message?: string;
  /** The pods that ran on the node before. */
  readonly evicted: readonly string[];
  /** Pods that run now on another node, having run on this one (or replacing one that did). */
  readonly rescheduled: readonly { pod: string; node: string }[];
  /** Pods left Pending, with the scheduler's reason. */
  readonly pending: readonly { pod: string; message: string }[];
  /**
   * Claims whose pod now runs on another machine of the group: a local volume follows the
   * node-group label, not a host, so that pod starts there with the other machine's directory (empty).
   */
  readonly movedClaims: readonly { claim: string; from: string; to: string }[];
  /** `kubectl get pods,pvc -o wide` at that moment, for the record. */
  readonly snapshot: string;
}

/** The nodes to drain: the first of each group (one VerneMQ node among them). */
export function nodesToDrain(nodes: readonly NodeObject[]): NodeObject[] {
  const seen = new Set<string>();
  return nodes.filter((n) => {
    const group = n.metadata.labels[NODE_GROUP_LABEL];
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/** The workload a pod belongs to: its StatefulSet, Job or DaemonSet, or its ReplicaSet's Deployment. */
function ownerOf(state: ClusterState, pod: Obj): string {
  const ref = (pod.metadata.ownerReferences ?? [])[0];
  if (!ref) return `Pod/${pod.metadata.name}`;
  if (ref.kind === 'ReplicaSet') {
    const rs = state.replicaSets.find((r) => r.metadata.uid === ref.uid);
    const deployment = (rs?.metadata.ownerReferences ?? [])[0];
    if (deployment) return `${deployment.kind}/${deployment.name}`;
  }
  return `${ref.kind}/${ref.name}`;
}

/** The claims each running or pending pod mounts, with the node it is on. */
function claimNodes(state: ClusterState): Map<string, string | undefined> {
  const nodes = new Map<string, string | undefined>();
  for (const p of state.pods) {
    if (p.metadata.deletionTimestamp) continue;
    for (const v of p.spec.volumes ?? [])
      if (v.persistentVolumeClaim) nodes.set(`${p.metadata.namespace}/${v.persistentVolumeClaim.claimName}`, p.spec.nodeName);
  }
  return nodes;
}

/** What changed between the state before a drain and after it. */
export function describeDrain(
  node: string,
  before: ClusterState,
  after: ClusterState,
): Omit<DrainResult, 'group' | 'completed' | 'seconds' | 'message' | 'snapshot'> {
  const name = (p: Obj) => `${p.metadata.namespace}/${p.metadata.name}`;
  const onNode = before.pods.filter((p) => p.spec.nodeName === node && p.status?.phase !== 'Succeeded');
  const owners = new Set(onNode.map((p) => ownerOf(before, p)));
  const beforeUids = new Set(before.pods.map((p) => p.metadata.uid));
  const replacements = after.pods.filter(
    (p) => !beforeUids.has(p.metadata.uid) && owners.has(ownerOf(after, p)) && !p.metadata.deletionTimestamp,
  );
  const scheduledMessage = (p: Obj) => (p.status?.conditions ?? []).find((c: Obj) => c.type === 'PodScheduled')?.message ?? 'not scheduled';
  const claimsBefore = claimNodes(before);
  const claimsAfter = claimNodes(after);
  return {
    node,
    evicted: onNode.map(name).sort(),
    rescheduled: replacements
      .filter((p) => p.spec.nodeName)
      .map((p) => ({ pod: name(p), node: p.spec.nodeName }))
      .sort((a, b) => a.pod.localeCompare(b.pod)),
    pending: after.pods
      .filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp)
      .map((p) => ({ pod: name(p), message: scheduledMessage(p) }))
      .sort((a, b) => a.pod.localeCompare(b.pod)),
    movedClaims: [...claimsAfter]
      .filter(([claim, to]) => to && claimsBefore.get(claim) === node && to !== node)
      .map(([claim, to]) => ({ claim, from: node, to: to as string }))
      .sort((a, b) => a.claim.localeCompare(b.claim)),
  };
}

/**
 * Drains `node` with `kubectl drain` (bounded), waits for the cluster to settle, describes what
 * moved, then uncordons it. A drain that does not complete in time is a failure in kubectl's words.
 */
export async function drainNode(
  kubectl: Kubectl,
  node: NodeObject,
  read: () => ClusterState,
  settle: () => Promise<ClusterState>,
  timeoutS = DRAIN_TIMEOUT_S,
): Promise<{ result: DrainResult; failures: Failure[] }> {
  const name = node.metadata.name;
  const before = read();
  const started = Date.now();
  const r = kubectl.run(['drain', name, '--ignore-daemonsets', '--delete-emptydir-data', `--timeout=${timeoutS}s`]);
  const seconds = (Date.now() - started) / 1000;
  const after = await settle();
  const snapshot = kubectl.run(['get', 'pods,pvc', '--all-namespaces', '-o', 'wide']).stdout;
  const message =
    r.status === 0
      ? undefined
      : r.stderr
          .split('\n')
          .filter((l) => l && !l.startsWith('Warning: '))
          .slice(-3)
          .join('; ');
  kubectl.ok(['uncordon', name]);
  const result: DrainResult = {
    ...describeDrain(name, before, after),
    group: node.metadata.labels[NODE_GROUP_LABEL],
    completed: r.status === 0,
    seconds,
    message,
    snapshot,
  };
  const failures = result.completed
    ? []
    : [{ object: `Node ${name}`, message: `kubectl drain did not complete within ${timeoutS} s: ${message}` }];
  return { result, failures };
}
