// x509-identity-mgmt (charts/x509-identity-mgmt): the certificate authority's Deployment, settings, Service, claim and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('x509-identity-mgmt (default profile: no persistence)', () => {
  const out = synth(profileOf('default'));
  const d = out.find('Deployment', 'x509-identity-mgmt');

  it('runs dojot/x509-identity-mgmt with a fixed hostname and fsGroup 10001, one replica', () => {
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'x509-identity-mgmt' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'x509-identity-mgmt' });
    expect(podSpec(d).hostname).toBe('x509-identity-mgmt');
    expect(podSpec(d).securityContext).toMatchObject({ fsGroup: 10001 });
    expect(podSpec(d).restartPolicy).toBe('Always');
    const c = containerOf(d);
    expect(c.name).toBe('x509-identity-mgmt');
    expect(c.image).toBe('dojot/x509-identity-mgmt:v0.6.0');
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it("reaches EJBCA's PostgreSQL database and its MongoDB at their contract addresses, credentials from its Secret", () => {
    expect(envOf(d)).toEqual({
      DATABASE_JDBC_URL: 'jdbc:postgresql://postgres:5432/ejbca?characterEncoding=UTF-8',
      DATABASE_USER: 'x509-identity-mgmt-secret:user',
      DATABASE_PASSWORD: 'x509-identity-mgmt-secret:password',
      EJBCA_PERFORM_DOJOT_SETUP: 'true',
      NODE_ENV: 'production',
      MONGO_URI: 'mongodb://mongodb:27017/x509-identity-mgmt',
    });
  });

  it('serves port 3000 through its ClusterIP Service', () => {
    expect(out.find('Service', 'x509-identity-mgmt').spec).toEqual({
      type: 'ClusterIP',
      ports: [{ name: 'x509-identity-mgmt', port: 3000 }],
      selector: { app: 'dojot', name: 'x509-identity-mgmt' },
    });
  });

  it("is ready on /healthcheck, with ten minutes to start (EJBCA's first boot)", () => {
    const c = containerOf(d);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/healthcheck', port: 3000 });
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 3000 });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 3000 }, failureThreshold: 60, periodSeconds: 10, timeoutSeconds: 5 });
  });

  it('has no claim and mounts nothing without persistence', () => {
    expect(out.maybe('PersistentVolumeClaim', 'x509-identity-mgmt')).toBeUndefined();
    expect(containerOf(d).volumeMounts).toBeUndefined();
    expect(podSpec(d).volumes).toBeUndefined();
  });
});

describe('x509-identity-mgmt with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const d = out.find('Deployment', 'x509-identity-mgmt');

  it("claims EJBCA's state (10Mi, ReadWriteMany) before the Deployment, mounted at /mnt/persistent", () => {
    const pvc = out.find('PersistentVolumeClaim', 'x509-identity-mgmt');
    expect(pvc.spec).toEqual({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'local-storage',
      resources: { requests: { storage: '10Mi' } },
      selector: { matchLabels: { app: 'dojot', name: 'x509-identity-mgmt' } },
    });
    expect(pvc.file).toBe(d.file);
    expect(out.objects.indexOf(pvc)).toBeLessThan(out.objects.indexOf(d));
    expect(podSpec(d).volumes).toEqual([{ name: 'x509-identity-mgmt', persistentVolumeClaim: { claimName: 'x509-identity-mgmt' } }]);
    expect(containerOf(d).volumeMounts).toEqual([{ name: 'x509-identity-mgmt', mountPath: '/mnt/persistent' }]);
  });

  it('is pinned to the x509 group', () => {
    expect(podSpec(d).affinity).toEqual(groupAffinity('x509'));
  });
});

describe('x509-identity-mgmt in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('Deployment', 'x509-identity-mgmt')).image).toBe('dojot/x509-identity-mgmt:v0.6.0');
  });
});
