// Labels and selectors of the workloads and Services, as the original's (each chart's own pieces: its test file).
import { describe, expect, it } from 'vitest';
import { FULL_PLATFORM_SERVICES, FULL_PLATFORM_WORKLOADS } from '../helpers/workload-lists';
import { originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const WORKLOADS = FULL_PLATFORM_WORKLOADS;
const SERVICES = FULL_PLATFORM_SERVICES;

/** history, persister, data-manager, cron and kafka2ftp. */
const DOJOT_WORKLOADS: [kind: string, name: string][] = [
  ['Deployment', 'history'],
  ['Deployment', 'persister'],
  ['Deployment', 'data-manager'],
  ['Deployment', 'cron'],
  ['Deployment', 'kafka2ftp'],
];
const labelsOf = (name: string) => ({ app: 'dojot', name });

describe('the original labels (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('labels and selects every workload as the original', () => {
    for (const [kind, name] of WORKLOADS) {
      const w = out.find(kind, name);
      expect(w.apiVersion).toBe('apps/v1');
      expect(w.spec.replicas).toBe(1);
      expect(w.spec.selector.matchLabels).toEqual({ app: 'dojot', name });
      expect(originalLabels(w.spec.template.metadata.labels)).toEqual({ app: 'dojot', name });
      expect(podSpec(w).restartPolicy).toBe('Always');
      expect(podSpec(w).containers.map((c: { name: string }) => c.name)).toEqual([name]);
      // The original's MinIO StatefulSet had no metadata labels; the Deployments had name and app.
      expect(originalLabels(w.metadata.labels)).toEqual(name === 'minio' ? undefined : { name, app: 'dojot' });
    }
    for (const name of SERVICES) {
      const s = out.find('Service', name);
      expect(originalLabels(s.metadata.labels)).toEqual({ name });
      expect(s.spec.selector).toEqual({ name, app: 'dojot' });
    }
  });

  it.each(DOJOT_WORKLOADS)("%s %s: the original's labels and selector, one replica", (kind, name) => {
    const w = out.find(kind, name);
    expect(originalLabels(w.metadata.labels)).toEqual(labelsOf(name));
    expect(w.spec.selector.matchLabels).toEqual(labelsOf(name));
    expect(originalLabels(w.spec.template.metadata.labels)).toEqual(labelsOf(name));
    expect(w.spec.replicas).toBe(1);
    expect(podSpec(w).restartPolicy).toBe('Always');
    expect(podSpec(w).affinity).toBeUndefined();
  });
});
