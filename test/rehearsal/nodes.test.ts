import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { NODE_GROUP_LABEL } from '../../lib/placement';
import { kwokStages } from '../../rehearsal/kwok-stages';
import { NoMachinesError, nodesOf } from '../../rehearsal/nodes';
import { inputFlags } from '../../rehearsal/rehearse';
import { profileOf } from '../helpers/synth';

describe("the rehearsal's Nodes", () => {
  it("are the 100k preset's machines, named <group>-<n>, labelled with their group, allocatable less the reserved share", () => {
    const nodes = nodesOf(profileOf('100k'));
    expect(nodes.map((n) => n.metadata.name)).toEqual(['dojot-1', 'kafka-1', 'x509-1', 'vernemq-1', 'vernemq-2', 'vernemq-3']);
    const dojot = nodes[0];
    expect(dojot.metadata.labels[NODE_GROUP_LABEL]).toBe('dojot');
    expect(dojot.metadata.annotations).toEqual({ 'kwok.x-k8s.io/node': 'fake' });
    // 4 cores and 4Gi; the preset keeps 10% back, as synth's capacity check counts it.
    expect(dojot.status.capacity).toEqual({ cpu: '4000m', memory: `${4 * 1024 * 1024}Ki`, pods: '110' });
    expect(dojot.status.allocatable).toEqual({ cpu: '3600m', memory: `${Math.floor(4 * 1024 * 1024 * 0.9)}Ki`, pods: '110' });
  });

  it("carry the profile's own labels and counts", () => {
    const nodes = nodesOf(
      profileOf('100k', {
        placement: { nodeLabels: { kafka: 'brokers' } },
        capacity: { machines: { kafka: { count: 3, cores: 6, memory: '6Gi' } } },
      }),
    );
    expect(nodes.filter((n) => n.metadata.labels[NODE_GROUP_LABEL] === 'brokers').map((n) => n.metadata.name)).toEqual([
      'kafka-1',
      'kafka-2',
      'kafka-3',
    ]);
  });

  it('are refused, in one line, for a profile that knows no machines', () => {
    expect(() => nodesOf(profileOf('default'))).toThrow(NoMachinesError);
    expect(() => nodesOf(profileOf('default'))).toThrow(/^the profile knows no machines \(capacity\.machines: every count is 0\)/);
  });
});

describe("kwok's stages", () => {
  it('make Nodes Ready, pods Running, Job pods Succeeded and deleted pods go, as YAML kwok reads', () => {
    const stages = YAML.parseAllDocuments(
      kwokStages()
        .map((s) => YAML.stringify(s))
        .join('---\n'),
    ).map((d) => d.toJS());
    expect(stages.map((s) => `${s.spec.resourceRef.kind}/${s.metadata.name}`)).toEqual([
      'Node/node-ready',
      'Node/node-heartbeat',
      'Pod/pod-running',
      'Pod/job-pod-succeeded',
      'Pod/pod-deleted',
    ]);
    for (const s of stages) expect(s).toMatchObject({ apiVersion: 'kwok.x-k8s.io/v1alpha1', kind: 'Stage' });
    expect(stages[3].spec.selector.matchExpressions).toContainEqual({
      key: '.metadata.ownerReferences.[].kind',
      operator: 'In',
      values: ['Job'],
    });
    expect(stages[4].spec.next).toEqual({ delete: true });
    // A deleted pod stays terminating for seconds, as under a kubelet, so that the disruption
    // controller sees it go before a StatefulSet recreates it under the same name.
    expect(stages[4].spec.delay.durationMilliseconds).toBeGreaterThanOrEqual(1000);
  });
});

describe("synth's flags, as the rehearsal passes them on", () => {
  it('are the ones given, and only those', () => {
    expect(inputFlags({ profile: '100k', flavour: 'vernemq' })).toEqual(['--profile', '100k', '--flavour', 'vernemq']);
    expect(inputFlags({})).toEqual([]);
  });
});
