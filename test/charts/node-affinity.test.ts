// Node affinity of the workloads: none without placement.nodeAffinity, the dojot group's label with it (100k preset).
import { describe, expect, it } from 'vitest';
import { groupAffinity, podSpec, profileOf, synth } from '../helpers/synth';

/** The workloads of minio, rabbitmq, image-manager, backstage, device-manager, gui and gui-v2; gui-v2 and device-manager-redis had no node group in the original, and now have dojot's. */
const WORKLOADS: ReadonlyArray<[kind: string, name: string, pinned: boolean]> = [
  ['StatefulSet', 'minio', true],
  ['Deployment', 'rabbitmq', true],
  ['Deployment', 'image-manager', true],
  ['Deployment', 'backstage', true],
  ['Deployment', 'device-manager', true],
  ['Deployment', 'device-manager-redis', true],
  ['Deployment', 'gui', true],
  ['Deployment', 'gui-v2', true],
];

/** history, persister, influxdb and its storer and retriever, data-manager, cron and kafka2ftp. */
const DATA_WORKLOADS: [kind: string, name: string][] = [
  ['Deployment', 'history'],
  ['Deployment', 'persister'],
  ['StatefulSet', 'influxdb'],
  ['Deployment', 'influxdb-storer'],
  ['Deployment', 'influxdb-retriever'],
  ['Deployment', 'data-manager'],
  ['Deployment', 'cron'],
  ['Deployment', 'kafka2ftp'],
];
const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;

describe('node affinity off (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('pins no workload to a node group when node affinity is off', () => {
    for (const [kind, name] of WORKLOADS) expect(podSpec(out.find(kind, name)).affinity).toBeUndefined();
  });
});

describe('node affinity on (100k preset, vernemq flavour)', () => {
  const out = synth(profileOf('100k', { flavour: 'vernemq', guiV2: { enabled: true } }));

  it.each(WORKLOADS)('%s %s: pinned to the dojot group = %s', (kind, name, pinned) => {
    expect(podSpec(out.find(kind, name)).affinity).toEqual(pinned ? groupAffinity('dojot') : undefined);
  });

  it("uses the profile's label value for the dojot group", () => {
    const custom = synth(profileOf('100k', { flavour: 'vernemq', placement: { nodeLabels: { dojot: 'core-pool' } } }));
    expect(podSpec(custom.find('Deployment', 'device-manager')).affinity).toEqual(groupAffinity('core-pool'));
  });
});

describe('node affinity on (100k preset, vernemq flavour: the whole platform)', () => {
  // With InfluxDB the guide's dojot machine is too small (test/charts/capacity.test.ts): warned, not refused.
  const out = synth(profileOf('100k', { flavour: 'vernemq', ...INFLUX_ON, capacity: { onExcess: 'warn' } }));
  const label = out.profile.placement.nodeLabels.dojot;

  it.each(DATA_WORKLOADS)('pins %s %s to the dojot group', (kind, name) => {
    expect(podSpec(out.find(kind, name)).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'dojot.components/group', operator: 'In', values: [label] }] }],
        },
      },
    });
  });
});
