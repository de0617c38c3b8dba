import { NODE_GROUP_LABEL, pinnedGroup } from '../lib/placement';
import type { Placement } from '../profile/types';
import type { ClusterState, KeyedObject, Obj } from './cluster-state';

/** One assertion that does not hold: the object it is about and the cluster's own words. */
export interface Failure {
  /** `Kind namespace/name`, or `Kind name` for a cluster-scoped object. */
  readonly object: string;
  readonly message: string;
}

export const objectName = (o: Obj) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

const condition = (o: Obj, type: string) => (o.status?.conditions ?? []).find((c: Obj) => c.type === type);

/** The newest Warning event about `o`, in the words of the controller that sent it. */
function lastWarning(state: ClusterState, o: Obj): string | undefined {
  const about = state.events.filter(
    (e) =>
      e.involvedObject?.kind === o.kind &&
      e.involvedObject?.name === o.metadata.name &&
      (e.involvedObject?.namespace ?? '') === (o.metadata.namespace ?? ''),
  );
  const newest = about
    .sort((a, b) => String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(String(b.lastTimestamp ?? b.eventTime ?? '')))
    .at(-1);
  return newest ? `${newest.reason}: ${newest.message}` : undefined;
}

/** The pods a workload owns, directly or through its ReplicaSets. */
function podsOf(state: ClusterState, o: Obj): Obj[] {
  const owners = new Set([o.metadata.uid, ...state.replicaSets.filter((rs) => ownedBy(rs, o)).map((rs) => rs.metadata.uid)]);
  return state.pods.filter((p) => (p.metadata.ownerReferences ?? []).some((r: Obj) => owners.has(r.uid)));
}
const ownedBy = (child: Obj, owner: Obj) => (child.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === owner.metadata.uid);

/** Why a workload's pods are not there or not ready: its own, its ReplicaSets' or its pods' messages. */
function whyNot(state: ClusterState, o: Obj): string {
  const reasons = [
    lastWarning(state, o),
    ...state.replicaSets.filter((rs) => ownedBy(rs, o)).map((rs) => lastWarning(state, rs)),
    ...podsOf(state, o).map((p) => podProblem(state, p)),
  ].filter(Boolean);
  return reasons.length ? `; ${[...new Set(reasons)].join('; ')}` : '';
}

/** What keeps a pod from running, in the scheduler's or kwok's words, or undefined when it runs. */
function podProblem(state: ClusterState, p: Obj): string | undefined {
  if (p.status?.phase === 'Succeeded' || (p.status?.phase === 'Running' && condition(p, 'Ready')?.status === 'True')) return undefined;
  const scheduled = condition(p, 'PodScheduled');
  if (scheduled?.status === 'False') return `${objectName(p)} is not scheduled: ${scheduled.message ?? scheduled.reason}`;
  return `${objectName(p)} is ${p.status?.phase ?? 'without status'}${p.spec?.nodeName ? ` on ${p.spec.nodeName}` : ''}${lastWarning(state, p) ? ` (${lastWarning(state, p)})` : ''}`;
}

/** Every pod runs (Job pods have succeeded), on a node of the group its affinity names. */
export function podFailures(state: ClusterState, placement: Placement): Failure[] {
  const nodes = new Map(state.nodes.map((n) => [n.metadata.name, n]));
  const failures: Failure[] = [];
  for (const p of state.pods) {
    const problem = podProblem(state, p);
    if (problem) {
      failures.push({ object: objectName(p), message: problem.replace(`${objectName(p)} `, '') });
      continue;
    }
    const group = pinnedGroup(p.spec, placement);
    if (group === undefined) continue;
    const label = nodes.get(p.spec.nodeName)?.metadata.labels?.[NODE_GROUP_LABEL];
    if (label !== placement.nodeLabels[group]) {
      failures.push({
        object: objectName(p),
        message: `runs on ${p.spec.nodeName} (${NODE_GROUP_LABEL}=${label ?? 'none'}), not on a node of group ${group} (${placement.nodeLabels[group]})`,
      });
    }
  }
  return failures;
}

/** Whether a Deployment's or StatefulSet's controller has yet to roll its current spec out to every replica (after an apply over it, say). */
function rolloutPending(o: Obj, want: number): boolean {
  const observed = o.status?.observedGeneration ?? 0;
  return observed < (o.metadata.generation ?? 0) || (o.status?.updatedReplicas ?? 0) < want;
}

/** Every Deployment and StatefulSet has all its replicas available, on its current template; every Job is complete. */
export function workloadFailures(state: ClusterState): Failure[] {
  const failures: Failure[] = [];
  for (const o of [...state.deployments, ...state.statefulSets]) {
    const want = o.spec.replicas ?? 1;
    const available = o.status?.availableReplicas ?? 0;
    if (available < want)
      failures.push({ object: objectName(o), message: `${available} of ${want} replicas available${whyNot(state, o)}` });
    else if (rolloutPending(o, want))
      failures.push({
        object: objectName(o),
        message: `${o.status?.updatedReplicas ?? 0} of ${want} replicas run its current template (generation ${o.metadata.generation}, observed ${o.status?.observedGeneration ?? 'none'})`,
      });
  }
  for (const o of state.daemonSets) {
    const want = o.status?.desiredNumberScheduled ?? 0;
    const available = o.status?.numberAvailable ?? 0;
    if (available < want) failures.push({ object: objectName(o), message: `${available} of ${want} pods available${whyNot(state, o)}` });
  }
  for (const j of state.jobs) {
    if (condition(j, 'Complete')?.status === 'True') continue;
    const failed = condition(j, 'Failed');
    failures.push({
      object: objectName(j),
      message: failed?.status === 'True' ? `failed: ${failed.message ?? failed.reason}` : `not complete${whyNot(state, j)}`,
    });
  }
  return failures;
}

/** Whether `labels` satisfy a label selector's matchLabels and matchExpressions. */
export function selects(selector: Obj | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e: Obj) => {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === 'In') return has && e.values.includes(labels[e.key]);
    if (e.operator === 'NotIn') return !has || !e.values.includes(labels[e.key]);
    if (e.operator === 'Exists') return has;
    return !has;
  });
  return byLabels && byExpressions;
}

/** Every claim is Bound, to a volume its selector names that is bound to it alone. */
export function claimFailures(state: ClusterState): Failure[] {
  const volumes = new Map(state.volumes.map((v) => [v.metadata.name, v]));
  const failures: Failure[] = [];
  const boundBy = new Map<string, string[]>();
  for (const c of state.claims) {
    const name = objectName(c);
    if (c.status?.phase !== 'Bound') {
      failures.push({
        object: name,
        message: `is ${c.status?.phase ?? 'without status'}${lastWarning(state, c) ? `: ${lastWarning(state, c)}` : ''}`,
      });
      continue;
    }
    const v = volumes.get(c.spec.volumeName);
    if (!v) {
      failures.push({ object: name, message: `is bound to ${c.spec.volumeName}, which does not exist` });
      continue;
    }
    boundBy.set(v.metadata.name, [...(boundBy.get(v.metadata.name) ?? []), name]);
    if (!selects(c.spec.selector, v.metadata.labels)) {
      failures.push({ object: name, message: `is bound to ${v.metadata.name}, whose labels its selector does not name` });
    }
    const ref = v.spec.claimRef;
    if (ref?.name !== c.metadata.name || ref?.namespace !== c.metadata.namespace) {
      failures.push({ object: name, message: `is bound to ${v.metadata.name}, whose claimRef names ${ref?.namespace}/${ref?.name}` });
    }
  }
  for (const [volume, claims] of boundBy) {
    if (claims.length > 1)
      failures.push({ object: `PersistentVolume ${volume}`, message: `is bound by ${claims.length} claims: ${claims.join(', ')}` });
  }
  return failures;
}

/**
 * Claims that could have bound another volume of the output: their selector names several
 * volumes that no claimRef reserves for another claim. Replicas of a StatefulSet then swap
 * volumes (replica 0 on volume 2), and a rescheduled pod finds another replica's data.
 */
export function ambiguousClaims(state: ClusterState, outputVolumes: readonly Obj[]): Failure[] {
  return state.claims.flatMap((c) => {
    if (!c.spec.selector) return [];
    const candidates = outputVolumes.filter((v) => {
      const ref = v.spec?.claimRef;
      const free = !ref || (ref.name === c.metadata.name && ref.namespace === c.metadata.namespace);
      return free && (v.spec?.storageClassName ?? '') === (c.spec.storageClassName ?? '') && selects(c.spec.selector, v.metadata.labels);
    });
    if (candidates.length < 2) return [];
    return [
      {
        object: objectName(c),
        message: `could bind any of ${candidates.length} volumes (${candidates.map((v) => v.metadata.name).join(', ')}): pre-bind each to its claim with claimRef`,
      },
    ];
  });
}

/** A reference of a pod to a Secret or ConfigMap (and a key of it, when it names one). */
interface Reference {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  readonly key?: string;
  readonly from: string;
}

/** Every Secret and ConfigMap (and key) a pod spec references, but those marked optional. */
export function references(spec: Obj): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: Reference['kind'], r: Obj | undefined, from: string, key?: string) => {
    if (r && !r.optional) refs.push({ kind, name: r.name ?? r.secretName, key, from });
  };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const e of c.env ?? []) {
      add('Secret', e.valueFrom?.secretKeyRef, `container ${c.name}, env ${e.name}`, e.valueFrom?.secretKeyRef?.key);
      add('ConfigMap', e.valueFrom?.configMapKeyRef, `container ${c.name}, env ${e.name}`, e.valueFrom?.configMapKeyRef?.key);
    }
    for (const e of c.envFrom ?? []) {
      add('Secret', e.secretRef, `container ${c.name}, envFrom`);
      add('ConfigMap', e.configMapRef, `container ${c.name}, envFrom`);
    }
  }
  for (const v of spec.volumes ?? []) {
    const from = `volume ${v.name}`;
    const items = (r: Obj | undefined) => (r?.items?.length ? r.items.map((i: Obj) => i.key) : [undefined]);
    for (const key of v.secret ? items(v.secret) : []) add('Secret', v.secret, from, key);
    for (const key of v.configMap ? items(v.configMap) : []) add('ConfigMap', v.configMap, from, key);
    for (const s of v.projected?.sources ?? []) {
      for (const key of s.secret ? items(s.secret) : []) add('Secret', s.secret, from, key);
      for (const key of s.configMap ? items(s.configMap) : []) add('ConfigMap', s.configMap, from, key);
    }
  }
  for (const s of spec.imagePullSecrets ?? []) refs.push({ kind: 'Secret', name: s.name, from: 'imagePullSecrets' });
  return refs;
}

/**
 * Every Secret, ConfigMap and key that a pod references exists. kwok starts no container, so
 * nothing else would notice one missing: a kubelet would leave the pod in CreateContainerConfigError.
 */
export function referenceFailures(state: ClusterState): Failure[] {
  const index = (objects: readonly KeyedObject[]) => new Map(objects.map((o) => [`${o.namespace}/${o.name}`, o]));
  const existing = { Secret: index(state.secrets), ConfigMap: index(state.configMaps) };
  const failures: Failure[] = [];
  for (const p of state.pods) {
    for (const r of references(p.spec)) {
      const found = existing[r.kind].get(`${p.metadata.namespace}/${r.name}`);
      const missing = !found
        ? `${r.kind} ${r.name}`
        : r.key !== undefined && !found.keys.includes(r.key)
          ? `key '${r.key}' of ${r.kind} ${r.name}`
          : undefined;
      if (missing) failures.push({ object: objectName(p), message: `${r.from} references ${missing}, which does not exist` });
    }
  }
  return failures;
}

/** Objects of the output that the API server does not have. */
export function missingObjects(output: readonly Obj[], found: readonly Obj[]): Failure[] {
  const id = (o: Obj) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const have = new Set(found.map(id));
  return output.filter((o) => !have.has(id(o))).map((o) => ({ object: objectName(o), message: 'was not created' }));
}

/** Every assertion that waits for the controllers: pods, workloads, claims, references. */
export function clusterFailures(state: ClusterState, placement: Placement): Failure[] {
  return [...podFailures(state, placement), ...workloadFailures(state), ...claimFailures(state), ...referenceFailures(state)];
}
