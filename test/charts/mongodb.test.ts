// mongodb (charts/mongodb): the StatefulSet, its ClusterIP Service, its ping probe, volume and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('mongodb (default profile: no persistence)', () => {
  const out = synth(profileOf('default'));
  const sts = out.find('StatefulSet', 'mongodb');

  it('runs dojot/mongo:3.2, governed by its ClusterIP Service on 27017', () => {
    expect(originalLabels(sts.metadata.labels)).toEqual({ name: 'mongodb', app: 'dojot' });
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'mongodb' });
    expect(sts.spec.serviceName).toBe('mongodb');
    expect(sts.spec.replicas).toBe(1);
    expect(podSpec(sts).restartPolicy).toBe('Always');
    const c = containerOf(sts);
    expect(c.name).toBe('mongodb');
    expect(c.image).toBe('dojot/mongo:3.2');
    expect(c.env).toBeUndefined();
    expect(podSpec(sts).affinity).toBeUndefined();
    const s = out.find('Service', 'mongodb');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'mongodb' });
    expect(s.spec).toEqual({ type: 'ClusterIP', ports: [{ port: 27017, targetPort: 27017 }], selector: { app: 'dojot', name: 'mongodb' } });
  });

  it("is probed with the mongo shell's ping, which needs no login", () => {
    const c = containerOf(sts);
    const ping = ['mongo', '--quiet', '--port', '27017', '--eval', 'quit(db.adminCommand("ping").ok ? 0 : 1)'];
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) expect(probe.exec.command).toEqual(ping);
    expect(c.readinessProbe.timeoutSeconds).toBe(10);
  });

  it('has no volume without persistence', () => {
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(containerOf(sts).volumeMounts).toBeUndefined();
  });
});

describe('mongodb with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const sts = out.find('StatefulSet', 'mongodb');

  it('claims mongodb-volume (2Gi of local-storage) by template, mounted at /data/db', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'mongodb-volume' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'local-storage',
          resources: { requests: { storage: '2Gi' } },
          selector: { matchLabels: { app: 'dojot', db: 'mongodb' } },
        },
      },
    ]);
    expect(containerOf(sts).volumeMounts).toEqual([{ name: 'mongodb-volume', mountPath: '/data/db' }]);
  });

  it('is pinned to the dojot group', () => {
    expect(podSpec(sts).affinity).toEqual(groupAffinity('dojot'));
  });
});

describe('mongodb in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('StatefulSet', 'mongodb')).image).toBe('dojot/mongo:3.2');
  });
});
