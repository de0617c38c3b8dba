import { describe, expect, it } from 'vitest';
import { type ManifestObject, podSpec, profileOf, synth, originalLabels } from '../helpers/synth';

// minio, rabbitmq, image-manager, backstage, device-manager, gui and gui-v2: the facts of
// roles/<role>/templates and defaults of ansible-dojot v0.6.0.

/** A container's environment as name → value, or `secret/key` for a Secret's key. */
function envOf(o: ManifestObject, container = 0): Record<string, string> {
  const c = podSpec(o).containers[container];
  return Object.fromEntries(
    (c.env ?? []).map((e: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }) => [
      e.name,
      e.value ?? `${e.valueFrom?.secretKeyRef.name}/${e.valueFrom?.secretKeyRef.key}`,
    ]),
  );
}

const images = (o: ManifestObject) => podSpec(o).containers.map((c: { image: string }) => c.image);
const GROUP_TERMS = (value: string) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'dojot.components/group', operator: 'In', values: [value] }] }],
    },
  },
});

/** The workloads of these charts; gui-v2 and device-manager-redis had no node group in the original, and now have dojot's. */
const WORKLOADS: ReadonlyArray<[kind: string, name: string, pinned: boolean]> = [
  ['StatefulSet', 'minio', true],
  ['Deployment', 'rabbitmq', true],
  ['Deployment', 'image-manager', true],
  ['Deployment', 'backstage', true],
  ['Deployment', 'device-manager', true],
  ['Deployment', 'device-manager-redis', true],
  ['Deployment', 'gui', true],
  ['Deployment', 'gui-v2', true],
];
const SERVICES = ['minio', 'rabbitmq', 'image-manager', 'backstage', 'device-manager', 'device-manager-redis', 'gui', 'gui-v2'];

describe('full platform, part A (default profile: vernemq flavour)', () => {
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

  it('pins no workload to a node group when node affinity is off', () => {
    for (const [kind, name] of WORKLOADS) expect(podSpec(out.find(kind, name)).affinity).toBeUndefined();
  });

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
    expect(envOf(sts)).toEqual({ MINIO_ACCESS_KEY: 'minio-secret/access_key', MINIO_SECRET_KEY: 'minio-secret/secret_key' });
    // No persistence by default: no volume, as the original.
    expect(c.volumeMounts).toBeUndefined();
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(out.find('Service', 'minio').spec).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'minio', port: 9000, targetPort: 9000 }],
      selector: { app: 'dojot', name: 'minio' },
    });
  });

  it('RabbitMQ: its image and headless Service', () => {
    expect(images(out.find('Deployment', 'rabbitmq'))).toEqual(['dojot/rabbitmq:3.7-alpine']);
    expect(out.find('Service', 'rabbitmq').spec).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'rabbitmq-amqp', port: 5672, targetPort: 5672 }],
      selector: { app: 'dojot', name: 'rabbitmq' },
    });
  });

  it("image-manager: MinIO's address and keys, PostgreSQL with auth's user", () => {
    const d = out.find('Deployment', 'image-manager');
    expect(images(d)).toEqual(['dojot/image-manager:v0.6.0']);
    expect(envOf(d)).toEqual({
      S3URL: 'minio:9000',
      S3ACCESSKEY: 'minio-secret/access_key',
      S3SECRETKEY: 'minio-secret/secret_key',
      DBHOST: 'postgres',
      DBUSER: 'auth-secret/user',
      DBPASS: 'auth-secret/password',
    });
    expect(out.find('Service', 'image-manager').spec.ports).toEqual([{ port: 5000 }]);
    // The original's image-manager-secret is gone: auth's Secret is read directly.
    expect(out.maybe('Secret', 'image-manager-secret')).toBeUndefined();
  });

  // backstage joins LOCAL_URL and LOCAL_PORT itself (dojot/backstage v0.6.0 src/config.js): a port in the URL made http://kong:8000:8000.
  it("backstage: Kong's proxy as a host and a port", () => {
    const d = out.find('Deployment', 'backstage');
    expect(images(d)).toEqual(['dojot/backstage:v0.6.0']);
    expect(envOf(d)).toEqual({ LOCAL_URL: 'http://kong', LOCAL_PORT: '8000' });
    expect(out.find('Service', 'backstage').spec.ports).toEqual([{ port: 3005 }]);
  });

  it('device-manager: database, Kafka and crypto settings, every secret from devm-secret', () => {
    const d = out.find('Deployment', 'device-manager');
    expect(images(d)).toEqual(['dojot/device-manager:v0.6.0']);
    expect(envOf(d)).toEqual({
      DBHOST: 'postgres',
      DBUSER: 'devm-secret/user',
      DBPASS: 'devm-secret/password',
      KAFKA_HOST: 'kafka-server',
      KAFKA_PORT: '9092',
      DEV_MNGR_CRYPTO_PASS: 'devm-secret/crypto_pass',
      DEV_MNGR_CRYPTO_IV: 'devm-secret/crypto_iv',
      DEV_MNGR_CRYPTO_SALT: 'devm-secret/crypto_salt',
    });
    expect(out.find('Service', 'device-manager').spec.ports).toEqual([{ port: 5000 }]);
    expect(images(out.find('Deployment', 'device-manager-redis'))).toEqual(['dojot/redis:5.0.5-alpine3.10']);
    expect(out.find('Service', 'device-manager-redis').spec.ports).toEqual([{ port: 6379 }]);
  });

  it('the GUIs: their images and http port 80', () => {
    expect(images(out.find('Deployment', 'gui'))).toEqual(['dojot/gui:v0.6.0']);
    expect(images(out.find('Deployment', 'gui-v2'))).toEqual(['dojot/gui-v2:v0.6.0']);
    for (const name of ['gui', 'gui-v2']) expect(out.find('Service', name).spec.ports).toEqual([{ name: 'http', port: 80 }]);
  });

  it("probes every container, where the original probed only MinIO's liveness", () => {
    for (const [kind, name] of WORKLOADS) {
      const [c] = podSpec(out.find(kind, name)).containers;
      expect([c.livenessProbe, c.readinessProbe, c.startupProbe].every(Boolean), name).toBe(true);
    }
  });

  it('writes no credential as a literal value', () => {
    for (const [kind, name] of WORKLOADS) {
      for (const c of podSpec(out.find(kind, name)).containers) {
        for (const e of c.env ?? [])
          if (/KEY|PASS|PWD|SECRET|USER|CRYPTO/i.test(e.name)) expect(e.value, `${name}: ${e.name}`).toBeUndefined();
      }
    }
    const files = Object.keys(out.files).filter((f) => /-(minio|image-manager|device-manager)\.k8s\.yaml$/.test(f));
    expect(files).toHaveLength(3);
    const text = files.map((f) => out.files[f]).join('\n');
    // The original's literal defaults (roles/minio, image-manager and device-manager defaults).
    for (const word of ['9HEODSF6WQN5EZ39DM7Z', 'fT5nAgHR9pkj0yYsBdc4p', 'kamehameHA', '1234567890123456', 'shuriken'])
      expect(text).not.toContain(word);
  });
});

describe("addresses follow the other services' contracts", () => {
  const out = synth(profileOf('default', { minio: { port: 9100 }, kafka: { port: 9093 }, apigw: { httpPort: 8080 } }));

  it("MinIO listens on its Service's port, and image-manager reaches it there", () => {
    const [c] = podSpec(out.find('StatefulSet', 'minio')).containers;
    expect(c.args).toEqual(['server', '--address', ':9100', '/data']);
    expect(c.ports).toEqual([{ containerPort: 9100 }]);
    expect(c.livenessProbe.httpGet.port).toBe(9100);
    expect(out.find('Service', 'minio').spec.ports).toEqual([{ name: 'minio', port: 9100, targetPort: 9100 }]);
    expect(envOf(out.find('Deployment', 'image-manager')).S3URL).toBe('minio:9100');
  });

  it("device-manager's Kafka port and backstage's Kong URL", () => {
    expect(envOf(out.find('Deployment', 'device-manager')).KAFKA_PORT).toBe('9093');
    expect(envOf(out.find('Deployment', 'backstage'))).toMatchObject({ LOCAL_URL: 'http://kong', LOCAL_PORT: '8080' });
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

describe('node affinity on (100k preset, vernemq flavour)', () => {
  const out = synth(profileOf('100k', { flavour: 'vernemq', guiV2: { enabled: true } }));

  it.each(WORKLOADS)('%s %s: pinned to the dojot group = %s', (kind, name, pinned) => {
    expect(podSpec(out.find(kind, name)).affinity).toEqual(pinned ? GROUP_TERMS('dojot') : undefined);
  });

  it("uses the profile's label value for the dojot group", () => {
    const custom = synth(profileOf('100k', { flavour: 'vernemq', placement: { nodeLabels: { dojot: 'core-pool' } } }));
    expect(podSpec(custom.find('Deployment', 'device-manager')).affinity).toEqual(GROUP_TERMS('core-pool'));
  });
});

describe('flavours', () => {
  it.each(['mosca', 'lwm2m'])('the %s flavour deploys them too', (flavour) => {
    const out = synth(profileOf('default', { flavour: flavour as 'mosca' | 'lwm2m' }));
    for (const [kind, name] of WORKLOADS) expect(out.find(kind, name).metadata.name).toBe(name);
    for (const name of SERVICES) expect(out.find('Service', name).metadata.name).toBe(name);
  });

  it('the 100k flavour deploys none of them', () => {
    const out = synth(profileOf('100k'));
    for (const [kind, name] of WORKLOADS) expect(out.maybe(kind, name)).toBeUndefined();
    for (const name of SERVICES) expect(out.maybe('Service', name)).toBeUndefined();
  });

  it('gui-v2 follows guiV2.enabled and its image', () => {
    expect(synth(profileOf('default', { guiV2: { enabled: false } })).maybe('Deployment', 'gui-v2')).toBeUndefined();
    const custom = synth(profileOf('default', { guiV2: { image: 'registry.local/gui-v2' } }));
    expect(images(custom.find('Deployment', 'gui-v2'))).toEqual(['registry.local/gui-v2:v0.6.0']);
  });
});
