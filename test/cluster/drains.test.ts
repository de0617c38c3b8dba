import { describe, expect, it } from 'vitest';
import { GUIDE_DRAINS, expectDrained } from './helpers/drains';
import { GUIDE, expectPassed, rehearse } from './helpers/rehearse';

describe("drains on the guide's machines (npm run rehearse -- --drain)", () => {
  for (const flavour of ['100k', 'vernemq']) {
    it(`${flavour}: deploys, then drains one node of each group in turn, no budget blocking, and comes back whole`, async () => {
      const r = await rehearse([...GUIDE, '--flavour', flavour, '--drain']);
      expectPassed(r);
      expectDrained(r.report.drains, GUIDE_DRAINS);
      const [dojot, , x509, vernemq] = r.report.drains ?? [];
      // One machine in the group: what it ran waits, in the scheduler's words, until it is back.
      expect(dojot.pending.length).toBeGreaterThan(0);
      for (const p of [...dojot.pending, ...x509.pending])
        expect(p.message, p.pod).toMatch(
          /^0\/6 nodes are available: 1 node\(s\) were unschedulable, 5 node\(s\) didn't match Pod's node affinity\/selector/,
        );
      // Three VerneMQ machines: the bridges move to the other two.
      expect(vernemq.rescheduled.filter((x) => /bridge/.test(x.pod)).length).toBe(6);
      for (const x of vernemq.rescheduled) expect(['vernemq-2', 'vernemq-3'], x.pod).toContain(x.node);
      // No group of the guide has a claim and two machines: no volume changes machine.
      for (const d of r.report.drains ?? []) expect(d.movedClaims, d.node).toEqual([]);
    });
  }
});
