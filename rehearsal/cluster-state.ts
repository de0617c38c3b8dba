import type { Kubectl } from './kubectl';

/** A Kubernetes object as the API server returns it, read by its shape. */
// biome-ignore lint/suspicious/noExplicitAny: the API server's JSON, read by its shape
export type Obj = Record<string, any>;

/** A Secret or ConfigMap reduced to its name and keys: no value is kept. */
export interface KeyedObject {
  readonly namespace: string;
  readonly name: string;
  readonly keys: readonly string[];
}

/** What the assertions read of a cluster at one moment. */
export interface ClusterState {
  readonly nodes: readonly Obj[];
  readonly pods: readonly Obj[];
  readonly claims: readonly Obj[];
  readonly volumes: readonly Obj[];
  readonly deployments: readonly Obj[];
  readonly statefulSets: readonly Obj[];
  readonly daemonSets: readonly Obj[];
  readonly jobs: readonly Obj[];
  readonly replicaSets: readonly Obj[];
  readonly secrets: readonly KeyedObject[];
  readonly configMaps: readonly KeyedObject[];
  /** Warning events: the controllers' and the scheduler's own messages. */
  readonly events: readonly Obj[];
}

const keyed = (o: Obj): KeyedObject => ({
  namespace: o.metadata.namespace,
  name: o.metadata.name,
  keys: [...Object.keys(o.data ?? {}), ...Object.keys(o.binaryData ?? {}), ...Object.keys(o.stringData ?? {})].sort(),
});

/** Reads the cluster's state with kubectl (Secrets' values are dropped as they are read). */
export function readClusterState(kubectl: Kubectl): ClusterState {
  const byKind = (items: Obj[], kind: string) => items.filter((o) => o.kind === kind);
  const workloads = kubectl.list<Obj>('pods,persistentvolumeclaims,deployments,statefulsets,daemonsets,jobs,replicasets');
  return {
    nodes: kubectl.list<Obj>('nodes'),
    pods: byKind(workloads, 'Pod'),
    claims: byKind(workloads, 'PersistentVolumeClaim'),
    volumes: kubectl.list<Obj>('persistentvolumes'),
    deployments: byKind(workloads, 'Deployment'),
    statefulSets: byKind(workloads, 'StatefulSet'),
    daemonSets: byKind(workloads, 'DaemonSet'),
    jobs: byKind(workloads, 'Job'),
    replicaSets: byKind(workloads, 'ReplicaSet'),
    secrets: kubectl.list<Obj>('secrets').map(keyed),
    configMaps: kubectl.list<Obj>('configmaps').map(keyed),
    events: kubectl.list<Obj>('events').filter((e) => e.type === 'Warning'),
  };
}
