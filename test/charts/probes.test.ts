// Every container probed (liveness, readiness and startup), where the original probed only MinIO's liveness.
import { describe, expect, it } from 'vitest';
import { FULL_PLATFORM_WORKLOADS } from '../helpers/workload-lists';
import { podSpec, profileOf, synth } from '../helpers/synth';

const WORKLOADS = FULL_PLATFORM_WORKLOADS;

describe('probes (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it("probes every container, where the original probed only MinIO's liveness", () => {
    for (const [kind, name] of WORKLOADS) {
      const [c] = podSpec(out.find(kind, name)).containers;
      expect([c.livenessProbe, c.readinessProbe, c.startupProbe].every(Boolean), name).toBe(true);
    }
  });
});
