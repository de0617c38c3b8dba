import { describe, expect, it } from 'vitest';
import { GUIDE, expectPassed, rehearse } from './helpers/rehearse';

describe("a rehearsal on the guide's machines, Kubernetes 1.37.2", () => {
  // mosca and lwm2m deploy no VerneMQ: the guide's three broker machines stay empty (README, Sizing).
  const idle: Record<string, string[]> = {
    '100k': [],
    vernemq: [],
    mosca: ['vernemq-1', 'vernemq-2', 'vernemq-3'],
    lwm2m: ['vernemq-1', 'vernemq-2', 'vernemq-3'],
  };
  // 100k and vernemq are rehearsed with their drains (test/cluster/drains.test.ts).
  for (const flavour of ['mosca', 'lwm2m']) {
    it(`deploys the ${flavour} flavour: admitted, scheduled on its groups, bound and ready`, async () => {
      const r = await rehearse([...GUIDE, '--flavour', flavour]);
      expectPassed(r, idle[flavour]);
      expect(Object.keys(r.report.podsPerNode).sort()).toEqual(['dojot-1', 'kafka-1', 'vernemq-1', 'vernemq-2', 'vernemq-3', 'x509-1']);
    });
  }
});
