import { describe, expect, it } from 'vitest';
import { GUIDE, type Rehearsed, profileFile, rehearse } from './helpers/rehearse';

/** The failures of a rehearsal, one per line, for an assertion's message. */
const failuresOf = (r: Rehearsed) => r.report.failures.map((f) => `${f.object}: ${f.message}`).join('\n') || r.stderr;

/** A rehearsal that must pass: exit 0, no failure, Kubernetes 1.37.2, a pod on every node that should hold one. */
function expectPassed(r: Rehearsed, idle: readonly string[] = []) {
  expect(r.report.failures, failuresOf(r)).toEqual([]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.report.ok).toBe(true);
  expect(r.report.serverVersion).toBe('v1.37.2');
  expect(r.report.dryRun?.serverVersion).toBe('v1.35.4');
  expect(r.report.objects).toBeGreaterThan(40);
  // Every step of the README ran, and each machine holds something of its group.
  expect(r.report.steps.map((s) => s.step)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^npm run synth -- /), expect.stringMatching(/^npm run -s secrets -- /), expect.stringMatching(/^sh -n .*prepare-local-volumes\.sh$/)]),
  );
  for (const [node, pods] of Object.entries(r.report.podsPerNode)) {
    if (idle.includes(node)) expect(pods, node).toBe(0);
    else expect(pods, node).toBeGreaterThan(0);
  }
}

describe('a rehearsal on the guide\'s machines, Kubernetes 1.37.2', () => {
  // mosca and lwm2m deploy no VerneMQ: the guide's three broker machines stay empty (README, Sizing).
  const idle: Record<string, string[]> = { '100k': [], vernemq: [], mosca: ['vernemq-1', 'vernemq-2', 'vernemq-3'], lwm2m: ['vernemq-1', 'vernemq-2', 'vernemq-3'] };
  for (const flavour of ['100k', 'vernemq', 'mosca', 'lwm2m']) {
    it(`deploys the ${flavour} flavour: admitted, scheduled on its groups, bound and ready`, async () => {
      const r = await rehearse([...GUIDE, '--flavour', flavour]);
      expectPassed(r, idle[flavour]);
      expect(Object.keys(r.report.podsPerNode).sort()).toEqual(['dojot-1', 'kafka-1', 'vernemq-1', 'vernemq-2', 'vernemq-3', 'x509-1']);
    });
  }

  it('deploys Kafka and Zookeeper scaled to 3 on three Kafka machines, each replica on its own volume', async () => {
    const scaled = profileFile('scaled.yaml', 'preset: 100k\nkafka: { clusterSize: 3 }\nzookeeper: { clusterSize: 3 }\ncapacity: { machines: { kafka: { count: 3 } } }\n');
    const r = await rehearse(['--profile', scaled, '--inventory', 'examples/guide-100k']);
    expectPassed(r);
    expect(Object.keys(r.report.podsPerNode)).toEqual(expect.arrayContaining(['kafka-1', 'kafka-2', 'kafka-3']));
  });
});
