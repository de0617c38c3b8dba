import { describe, expect, it } from 'vitest';
import { GUIDE_DRAINS, expectDrained, podsOf } from './helpers/drains';
import { GUIDE, expectPassed, failuresOf, profileFile, rehearse } from './helpers/rehearse';

describe('drains where a group has several machines (npm run rehearse -- --drain)', () => {
  it("Kafka and Zookeeper on three Kafka machines: a drained broker starts on another machine, with that machine's (empty) directory", async () => {
    const scaled = profileFile(
      'scaled.yaml',
      'preset: 100k\nkafka: { clusterSize: 3 }\nzookeeper: { clusterSize: 3 }\ncapacity: { machines: { kafka: { count: 3 } } }\n',
    );
    const r = await rehearse(['--profile', scaled, '--inventory', 'examples/guide-100k', '--drain']);
    expectPassed(r);
    expect(Object.keys(r.report.podsPerNode)).toEqual(expect.arrayContaining(['kafka-1', 'kafka-2', 'kafka-3']));
    expectDrained(r.report.drains, GUIDE_DRAINS);
    const kafka = r.report.drains?.find((d) => d.node === 'kafka-1');
    expect(kafka?.movedClaims.length, JSON.stringify(kafka)).toBeGreaterThan(0);
    const table = podsOf(kafka?.snapshot ?? '');
    for (const c of kafka?.movedClaims ?? []) {
      expect(c.from).toBe('kafka-1');
      expect(['kafka-2', 'kafka-3']).toContain(c.to);
      // The claim's pod (volumeClaimTemplate-<statefulset>-<n> is claimed by <statefulset>-<n>) runs where the report says.
      const pod = `dojot/${/^[a-z0-9-]+?-((?:kafka-server|zookeeper)-\d+)$/.exec(c.claim.split('/')[1])?.[1]}`;
      expect(table.find((p) => p.pod === pod)?.node, `${c.claim} -> ${pod}`).toBe(c.to);
    }
  });
});

describe('a drain that a disruption budget blocks (negative control)', () => {
  it("fails with kubectl drain's own words, within the bound", async () => {
    const budget = profileFile(
      'blocking-budget.yaml',
      JSON.stringify({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'blocks-x509', namespace: 'dojot' },
        spec: { maxUnavailable: 0, selector: { matchLabels: { app: 'dojot', name: 'x509-identity-mgmt' } } },
      }),
    );
    // A shorter bound than the default: this drain can never complete. (The others are held to the
    // default in drains.test.ts: under this bound a busy machine may not finish them either.)
    const r = await rehearse([...GUIDE, '--extra', budget, '--drain', '--drain-timeout', '45']);
    expect(r.status).toBe(1);
    const blocked = r.report.drains?.find((d) => d.node === 'x509-1');
    expect(blocked?.completed).toBe(false);
    const x509 = r.report.failures.find((f) => f.object === 'Node x509-1');
    expect(x509?.message, failuresOf(r)).toMatch(
      /^kubectl drain did not complete within 45 s: .*(disruption budget|global timeout reached)/,
    );
    // Nothing else failed but drains.
    for (const f of r.report.failures) expect(f.object, failuresOf(r)).toMatch(/^Node /);
  });
});
