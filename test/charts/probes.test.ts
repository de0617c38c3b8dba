// Every container probed (liveness, readiness and startup), where the original probed only MinIO's liveness.
import { describe, expect, it } from 'vitest';
import { podSpec, profileOf, synth } from '../helpers/synth';

const WORKLOADS: ReadonlyArray<[kind: string, name: string]> = [
  ['StatefulSet', 'minio'],
  ['Deployment', 'rabbitmq'],
  ['Deployment', 'image-manager'],
  ['Deployment', 'backstage'],
  ['Deployment', 'device-manager'],
  ['Deployment', 'device-manager-redis'],
  ['Deployment', 'gui'],
  ['Deployment', 'gui-v2'],
];

describe('probes (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it("probes every container, where the original probed only MinIO's liveness", () => {
    for (const [kind, name] of WORKLOADS) {
      const [c] = podSpec(out.find(kind, name)).containers;
      expect([c.livenessProbe, c.readinessProbe, c.startupProbe].every(Boolean), name).toBe(true);
    }
  });
});
