import { describe, expect, it } from 'vitest';
import { type ManifestObject, podSpec, profileOf, synth } from '../helpers/synth';

const GROUP_LABEL = 'dojot.components/group';

/** Each workload's node group, as in the original's templates. */
const WORKLOAD_GROUPS: ReadonlyArray<[kind: string, name: string, group: string]> = [
  ['StatefulSet', 'zookeeper', 'kafka'],
  ['StatefulSet', 'kafka-server', 'kafka'],
  ['StatefulSet', 'kafka-loopback', 'kafka'],
  ['StatefulSet', 'postgres', 'dojot'],
  ['StatefulSet', 'mongodb', 'dojot'],
  ['Deployment', 'kong', 'dojot'],
  ['Job', 'kong-migrate', 'dojot'],
  ['Job', 'kong-migrate-up', 'dojot'],
  ['Job', 'kong-route-config', 'dojot'],
  ['Deployment', 'auth', 'dojot'],
  ['Deployment', 'data-broker', 'dojot'],
  ['Deployment', 'data-broker-redis', 'dojot'],
  ['Deployment', 'kafka-ws', 'dojot'],
  ['StatefulSet', 'kafka-ws-redis', 'dojot'],
  ['StatefulSet', 'v2k-bridge', 'vernemq'],
  ['StatefulSet', 'k2v-bridge', 'vernemq'],
  ['StatefulSet', 'vernemq-k8s', 'vernemq'],
  ['Deployment', 'x509-identity-mgmt', 'x509'],
];

function requiredGroups(o: ManifestObject): string[] | undefined {
  const terms = podSpec(o).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms?.flatMap((t: { matchExpressions: { key: string; operator: string; values: string[] }[] }) =>
    t.matchExpressions.filter((e) => e.key === GROUP_LABEL && e.operator === 'In').flatMap((e) => e.values),
  );
}

describe('node affinity on (100k preset)', () => {
  const out = synth(profileOf('100k'));

  it.each(WORKLOAD_GROUPS)('pins %s %s to the %s group', (kind, name, group) => {
    expect(requiredGroups(out.find(kind, name))).toEqual([group]);
  });

  it('spreads the brokers one per node while the group has nodes enough (max skew 1 over host names)', () => {
    expect(podSpec(out.find('StatefulSet', 'vernemq-k8s')).topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'vernemq', vernemq: 'k8s' } },
      },
    ]);
  });

  it("keeps the bridges on their node's broker with internalTrafficPolicy Local", () => {
    expect(out.find('Service', 'vernemq-k8s').spec.internalTrafficPolicy).toBe('Local');
  });

  it("uses the profile's label values", () => {
    const custom = synth(profileOf('100k', { placement: { nodeLabels: { kafka: 'stream-pool', vernemq: 'mqtt-pool' } } }));
    expect(requiredGroups(custom.find('StatefulSet', 'kafka-server'))).toEqual(['stream-pool']);
    expect(requiredGroups(custom.find('StatefulSet', 'v2k-bridge'))).toEqual(['mqtt-pool']);
    expect(requiredGroups(custom.find('StatefulSet', 'vernemq-k8s'))).toEqual(['mqtt-pool']);
    expect(
      custom.find('PersistentVolume', 'local-pv-kafka').spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values,
    ).toEqual(['stream-pool']);
  });

  it('never uses the deprecated beta.kubernetes.io/os label', () => {
    expect(Object.values(out.files).join('\n')).not.toContain('beta.kubernetes.io/os');
  });
});

describe('node affinity off', () => {
  const out = synth(profileOf('100k', { placement: { nodeAffinity: false } }));

  it.each(WORKLOAD_GROUPS)('leaves %s %s unpinned', (kind, name) => {
    expect(podSpec(out.find(kind, name)).affinity).toBeUndefined();
  });

  it('leaves the brokers unpinned and the in-cluster Service cluster-wide', () => {
    expect(podSpec(out.find('StatefulSet', 'vernemq-k8s')).affinity).toBeUndefined();
    expect(out.find('Service', 'vernemq-k8s').spec.internalTrafficPolicy).toBeUndefined();
  });

  it('still pins each local volume to its node group (a local volume lives on one node)', () => {
    expect(
      out.find('PersistentVolume', 'local-pv-postgres').spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values,
    ).toEqual(['dojot']);
  });
});
