// minio (charts/minio): its StatefulSet, headless Service, keys and persistence, as roles/minio of ansible-dojot v0.6.0.
import { describe, expect, it } from 'vitest';
import { envOf, podSpec, profileOf, synth } from '../helpers/synth';

describe('minio (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('MinIO: an apps/v1 StatefulSet governed by its headless Service, keys from its Secret', () => {
    const sts = out.find('StatefulSet', 'minio');
    expect(sts.spec.serviceName).toBe('minio');
    const [c] = podSpec(sts).containers;
    expect(c.image).toBe('dojot/minio:2019.09.20');
    expect(c.args).toEqual(['server', '/data']);
    expect(c.ports).toEqual([{ containerPort: 9000 }]);
    expect(c.livenessProbe).toEqual({
      httpGet: { path: '/minio/health/live', port: 9000 },
      failureThreshold: 3,
      periodSeconds: 20,
      timeoutSeconds: 5,
    });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/minio/health/ready', port: 9000 });
    expect(envOf(sts)).toEqual({ MINIO_ACCESS_KEY: 'minio-secret:access_key', MINIO_SECRET_KEY: 'minio-secret:secret_key' });
    // No persistence by default: no volume, as the original.
    expect(c.volumeMounts).toBeUndefined();
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(out.find('Service', 'minio').spec).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'minio', port: 9000, targetPort: 9000 }],
      selector: { app: 'dojot', name: 'minio' },
    });
  });
});

describe('MinIO persistence on', () => {
  const out = synth(profileOf('default', { storageClassName: 'local-storage', minio: { persistence: { enabled: true } } }));

  it('claims minio-volume by template and mounts it at /data', () => {
    const sts = out.find('StatefulSet', 'minio');
    expect(podSpec(sts).containers[0].volumeMounts).toEqual([{ name: 'minio-volume', mountPath: '/data' }]);
    expect(podSpec(sts).volumes).toBeUndefined();
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'minio-volume' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'local-storage',
          resources: { requests: { storage: '2Gi' } },
          selector: { matchLabels: { app: 'dojot', db: 'minio' } },
        },
      },
    ]);
  });

  it('has the local volume the claim selects', () => {
    const pv = out.find('PersistentVolume', 'local-pv-minio');
    expect(pv.metadata.labels).toMatchObject({ app: 'dojot', db: 'minio' });
    expect(pv.spec.storageClassName).toBe('local-storage');
  });

  it('selects no local volume when a provisioner makes the volumes', () => {
    const provisioned = synth(
      profileOf('default', {
        storageClassName: 'standard',
        localVolumes: { enabled: false },
        minio: { persistence: { enabled: true, size: '5Gi' } },
      }),
    );
    const [vct] = provisioned.find('StatefulSet', 'minio').spec.volumeClaimTemplates;
    expect(vct.spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '5Gi' } } });
  });
});
