// Node affinity of the workloads: none without placement.nodeAffinity, the dojot group's label with it (100k preset).
import { describe, expect, it } from 'vitest';
import { DATA_WORKLOADS, FULL_PLATFORM_WORKLOADS, INFLUX_ON } from '../helpers/workload-lists';
import { groupAffinity, podSpec, profileOf, synth } from '../helpers/synth';

/** gui-v2 and device-manager-redis had no node group in the original, and now have dojot's. */
const WORKLOADS = FULL_PLATFORM_WORKLOADS.map(([kind, name]) => [kind, name, true] as const);

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
