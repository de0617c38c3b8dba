import { describe, expect, it } from 'vitest';
import {
  ambiguousClaims,
  claimFailures,
  missingObjects,
  podFailures,
  referenceFailures,
  references,
  selects,
  workloadFailures,
} from '../../rehearsal/assertions';
import type { ClusterState, Obj } from '../../rehearsal/cluster-state';
import { NODE_GROUP_LABEL, podAffinity } from '../../lib/placement';
import { profileOf, synth } from '../helpers/synth';

// The assertions the rehearsal makes of a cluster, each fed the state that makes it fail and the
// one that makes it pass. The states are built by hand, as kubectl get -o json returns them.
const placement = profileOf('100k').placement;

const empty: ClusterState = {
  nodes: [],
  pods: [],
  claims: [],
  volumes: [],
  deployments: [],
  statefulSets: [],
  daemonSets: [],
  jobs: [],
  replicaSets: [],
  secrets: [],
  configMaps: [],
  events: [],
};
const state = (s: Partial<ClusterState>): ClusterState => ({ ...empty, ...s });

const node = (name: string, label: string): Obj => ({ kind: 'Node', metadata: { name, labels: { [NODE_GROUP_LABEL]: label } } });
const NODES = [node('dojot-1', 'dojot'), node('kafka-1', 'kafka')];

const runningPod = (name: string, nodeName: string, spec: Obj = {}): Obj => ({
  kind: 'Pod',
  metadata: { name, namespace: 'dojot', uid: `uid-${name}` },
  spec: { nodeName, containers: [{ name: 'c' }], ...spec },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('podFailures', () => {
  const kafkaPinned = { affinity: podAffinity(placement, 'kafka') };

  it('passes a running, ready pod on a node of its group', () => {
    expect(podFailures(state({ nodes: NODES, pods: [runningPod('kafka-0', 'kafka-1', kafkaPinned)] }), placement)).toEqual([]);
  });

  it('fails a pod on a node of another group', () => {
    const failures = podFailures(state({ nodes: NODES, pods: [runningPod('kafka-0', 'dojot-1', kafkaPinned)] }), placement);
    expect(failures).toEqual([
      { object: 'Pod dojot/kafka-0', message: `runs on dojot-1 (${NODE_GROUP_LABEL}=dojot), not on a node of group kafka (kafka)` },
    ]);
  });

  it("fails a pending pod with the scheduler's own message", () => {
    const pending = {
      ...runningPod('auth-1', ''),
      spec: { containers: [] },
      status: {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/6 nodes are available: 1 Insufficient memory.' },
        ],
      },
    };
    expect(podFailures(state({ nodes: NODES, pods: [pending] }), placement)).toEqual([
      { object: 'Pod dojot/auth-1', message: 'is not scheduled: 0/6 nodes are available: 1 Insufficient memory.' },
    ]);
  });

  it('passes a Job pod that has succeeded, and fails one that is not ready', () => {
    const done = { ...runningPod('migrate', 'dojot-1'), status: { phase: 'Succeeded' } };
    const notReady = { ...runningPod('web', 'dojot-1'), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } };
    expect(podFailures(state({ nodes: NODES, pods: [done, notReady] }), placement)).toEqual([
      { object: 'Pod dojot/web', message: 'is Running on dojot-1' },
    ]);
  });
});

describe('workloadFailures', () => {
  it("fails a Deployment short of replicas, with its ReplicaSet's event", () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'kong', namespace: 'dojot', uid: 'd' },
      spec: { replicas: 2 },
      status: { availableReplicas: 1 },
    };
    const rs = { kind: 'ReplicaSet', metadata: { name: 'kong-abc', namespace: 'dojot', uid: 'rs', ownerReferences: [{ uid: 'd' }] } };
    const event = {
      type: 'Warning',
      reason: 'FailedCreate',
      message: 'pods "kong-abc-x" is forbidden: violates PodSecurity',
      involvedObject: { kind: 'ReplicaSet', name: 'kong-abc', namespace: 'dojot' },
    };
    expect(workloadFailures(state({ deployments: [deployment], replicaSets: [rs], events: [event] }))).toEqual([
      {
        object: 'Deployment dojot/kong',
        message: '1 of 2 replicas available; FailedCreate: pods "kong-abc-x" is forbidden: violates PodSecurity',
      },
    ]);
    expect(workloadFailures(state({ deployments: [{ ...deployment, status: { availableReplicas: 2, updatedReplicas: 2 } }] }))).toEqual([]);
  });

  it("fails a StatefulSet whose replicas do not all run its current template yet, as after an upgrade's apply", () => {
    const set = (generation: number, status: Obj) => ({
      kind: 'StatefulSet',
      metadata: { name: 'kafka-server', namespace: 'dojot', uid: 's', generation },
      spec: { replicas: 3 },
      status,
    });
    expect(
      workloadFailures(state({ statefulSets: [set(2, { availableReplicas: 3, updatedReplicas: 1, observedGeneration: 2 })] })),
    ).toEqual([
      { object: 'StatefulSet dojot/kafka-server', message: '1 of 3 replicas run its current template (generation 2, observed 2)' },
    ]);
    expect(
      workloadFailures(state({ statefulSets: [set(2, { availableReplicas: 3, updatedReplicas: 3, observedGeneration: 1 })] }))[0].message,
    ).toMatch(/observed 1/);
    expect(
      workloadFailures(state({ statefulSets: [set(2, { availableReplicas: 3, updatedReplicas: 3, observedGeneration: 2 })] })),
    ).toEqual([]);
  });

  it('fails a Job that is not complete, and passes one that is', () => {
    const job = (conditions: Obj[]) => ({
      kind: 'Job',
      metadata: { name: 'kong-migrate', namespace: 'dojot', uid: 'j' },
      status: { conditions },
    });
    expect(workloadFailures(state({ jobs: [job([])] }))).toEqual([{ object: 'Job dojot/kong-migrate', message: 'not complete' }]);
    expect(workloadFailures(state({ jobs: [job([{ type: 'Failed', status: 'True', message: 'BackoffLimitExceeded' }])] }))[0].message).toBe(
      'failed: BackoffLimitExceeded',
    );
    expect(workloadFailures(state({ jobs: [job([{ type: 'Complete', status: 'True' }])] }))).toEqual([]);
  });
});

describe('claims and volumes', () => {
  const claim = (name: string, volumeName?: string, selector: Obj = { matchLabels: { name: 'kafka-server' } }): Obj => ({
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'dojot' },
    spec: { storageClassName: 'local-storage', selector, volumeName },
    status: { phase: volumeName ? 'Bound' : 'Pending' },
  });
  const volume = (name: string, labels: Record<string, string>, claimRef?: Obj): Obj => ({
    kind: 'PersistentVolume',
    metadata: { name, labels },
    spec: { storageClassName: 'local-storage', claimRef },
  });

  it('passes a claim bound to a volume its selector names and whose claimRef names it', () => {
    const v = volume('local-pv-kafka', { name: 'kafka-server' }, { namespace: 'dojot', name: 'data-0' });
    expect(claimFailures(state({ claims: [claim('data-0', 'local-pv-kafka')], volumes: [v] }))).toEqual([]);
  });

  it('fails a pending claim, one bound to a volume of other labels, and one volume bound twice', () => {
    const other = volume('local-pv-mongo', { name: 'mongodb' }, { namespace: 'dojot', name: 'data-0' });
    const failures = claimFailures(
      state({ claims: [claim('data-0', 'local-pv-mongo'), claim('data-1', 'local-pv-mongo'), claim('data-2')], volumes: [other] }),
    );
    expect(failures.map((f) => `${f.object}: ${f.message}`)).toEqual([
      'PersistentVolumeClaim dojot/data-0: is bound to local-pv-mongo, whose labels its selector does not name',
      'PersistentVolumeClaim dojot/data-1: is bound to local-pv-mongo, whose labels its selector does not name',
      'PersistentVolumeClaim dojot/data-1: is bound to local-pv-mongo, whose claimRef names dojot/data-0',
      'PersistentVolumeClaim dojot/data-2: is Pending',
      'PersistentVolume local-pv-mongo: is bound by 2 claims: PersistentVolumeClaim dojot/data-0, PersistentVolumeClaim dojot/data-1',
    ]);
  });

  it('fails claims whose selector names several volumes no claimRef reserves, and passes pre-bound ones', () => {
    const labels = { name: 'kafka-server' };
    const claims = [claim('data-0', 'a'), claim('data-1', 'b')];
    const loose = [volume('a', labels), volume('b', labels)];
    expect(ambiguousClaims(state({ claims }), loose).map((f) => f.message)).toEqual([
      'could bind any of 2 volumes (a, b): pre-bind each to its claim with claimRef',
      'could bind any of 2 volumes (a, b): pre-bind each to its claim with claimRef',
    ]);
    const preBound = [
      volume('a', labels, { namespace: 'dojot', name: 'data-0' }),
      volume('b', labels, { namespace: 'dojot', name: 'data-1' }),
    ];
    expect(ambiguousClaims(state({ claims }), preBound)).toEqual([]);
  });

  it("passes the scaled-out Kafka and Zookeeper output's volumes: each is pre-bound to its replica's claim", () => {
    const scaled = synth(
      profileOf('100k', {
        kafka: { clusterSize: 3 },
        zookeeper: { clusterSize: 3 },
        capacity: { machines: { kafka: { count: 3, cores: 6, memory: '6Gi' } } },
      }),
    );
    const volumes = scaled.ofKind('PersistentVolume') as Obj[];
    expect(volumes.find((v) => v.metadata.name === 'local-pv-kafka-2')?.spec.claimRef).toEqual({
      namespace: 'dojot',
      name: 'kafka-volume-kafka-server-2',
    });
    expect(volumes.find((v) => v.metadata.name === 'local-pv-zk-log-1')?.spec.claimRef).toEqual({
      namespace: 'dojot',
      name: 'zk-volume-log-zookeeper-1',
    });
    // The claims the StatefulSets' templates make, as the controller names them.
    const claims = scaled
      .ofKind('StatefulSet')
      .flatMap((s: Obj) =>
        Array.from({ length: s.spec.replicas }, (_, i) =>
          (s.spec.volumeClaimTemplates ?? []).map((t: Obj) => claim(`${t.metadata.name}-${s.metadata.name}-${i}`, 'x', t.spec.selector)),
        ).flat(),
      );
    // Kafka 3, Zookeeper 3 x 2, PostgreSQL and MongoDB 1 each, the 3 brokers 1 each.
    expect(claims.length).toBe(3 + 3 * 2 + 2 + 3);
    expect(ambiguousClaims(state({ claims }), volumes)).toEqual([]);
    // A single broker keeps v0.6.0's volume as it was: no claimRef.
    expect(synth(profileOf('100k')).find('PersistentVolume', 'local-pv-kafka').spec.claimRef).toBeUndefined();
  });

  it('reads label selectors as the API server does', () => {
    expect(selects({ matchLabels: { a: '1' } }, { a: '1', b: '2' })).toBe(true);
    expect(selects({ matchLabels: { a: '1' } }, { a: '2' })).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '3'] }] }, { a: '3' })).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' })).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {})).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, {})).toBe(true);
  });
});

describe('referenceFailures', () => {
  const spec: Obj = {
    containers: [
      {
        name: 'backstage',
        env: [
          { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'postgres-secret', key: 'password' } } },
          { name: 'OPTIONAL', valueFrom: { secretKeyRef: { name: 'nobody', key: 'x', optional: true } } },
        ],
        envFrom: [{ configMapRef: { name: 'backstage-env' } }],
      },
    ],
    volumes: [{ name: 'scripts', configMap: { name: 'kong-config', items: [{ key: 'kong-config.sh', path: 'kong-config.sh' }] } }],
  };

  it('lists what a pod spec references, leaving out the optional ones', () => {
    expect(references(spec).map((r) => `${r.kind} ${r.name} ${r.key ?? ''}`.trim())).toEqual([
      'Secret postgres-secret password',
      'ConfigMap backstage-env',
      'ConfigMap kong-config kong-config.sh',
    ]);
  });

  it('fails a missing Secret, a missing key and a missing ConfigMap; passes when they exist', () => {
    const pod = runningPod('backstage-1', 'dojot-1', spec);
    const failing = state({
      pods: [pod],
      secrets: [{ namespace: 'dojot', name: 'postgres-secret', keys: ['user'] }],
      configMaps: [{ namespace: 'dojot', name: 'kong-config', keys: [] }],
    });
    expect(referenceFailures(failing).map((f) => f.message)).toEqual([
      "container backstage, env PGPASSWORD references key 'password' of Secret postgres-secret, which does not exist",
      'container backstage, envFrom references ConfigMap backstage-env, which does not exist',
      "volume scripts references key 'kong-config.sh' of ConfigMap kong-config, which does not exist",
    ]);
    const passing = state({
      pods: [pod],
      secrets: [{ namespace: 'dojot', name: 'postgres-secret', keys: ['password', 'user'] }],
      configMaps: [
        { namespace: 'dojot', name: 'kong-config', keys: ['kong-config.sh'] },
        { namespace: 'dojot', name: 'backstage-env', keys: [] },
      ],
    });
    expect(referenceFailures(passing)).toEqual([]);
  });
});

describe('missingObjects', () => {
  const svc = (name: string, namespace?: string): Obj => ({ kind: 'Service', metadata: { name, ...(namespace ? { namespace } : {}) } });
  it('fails an object of the output the API server does not have, by kind, namespace and name', () => {
    const output = [svc('kong', 'dojot'), svc('auth', 'dojot'), { kind: 'StorageClass', metadata: { name: 'local-storage' } }];
    expect(missingObjects(output, [svc('kong', 'dojot'), { kind: 'StorageClass', metadata: { name: 'local-storage' } }])).toEqual([
      { object: 'Service dojot/auth', message: 'was not created' },
    ]);
    // Same name in another namespace is another object.
    expect(missingObjects([svc('kong', 'dojot')], [svc('kong', 'other')]).length).toBe(1);
    expect(missingObjects(output, output)).toEqual([]);
  });
});
