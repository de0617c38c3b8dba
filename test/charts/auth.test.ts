// auth (charts/auth): its Deployment with the Redis cache beside it, settings, e-mail, Service, flavours and placement.
import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { authComponent } from '../../charts/auth/component';
import { containerFactsOf } from '../../charts/component';
import { platformContracts } from '../../charts/contracts';
import { deployedContracts } from '../../charts/flavours';
import { podPlacement } from '../../lib/placement';
import type { Profile } from '../../profile/types';
import { containerOf, envOf, groupAffinity, type ManifestObject, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

/** auth's chart alone, built by its component as the platform builds it (no synthesis of the rest). */
function authChart(p: Profile): ManifestObject[] {
  const contracts = platformContracts(p);
  const common = {
    namespace: p.namespace,
    placement: podPlacement(p),
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
    contracts,
    containerFacts: containerFactsOf(authComponent, p, contracts.auth),
  };
  if (!authComponent.chart) throw new Error('auth has no chart');
  return authComponent.chart(new App(), 'auth', p, common, deployedContracts(p)).toJson();
}

describe('auth (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));
  const d = out.find('Deployment', 'auth');

  it("labels and selects its Deployment and Service as the original's, one replica", () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ name: 'auth', app: 'dojot' });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'auth' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'auth' });
    expect(podSpec(d).restartPolicy).toBe('Always');
    const s = out.find('Service', 'auth');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'auth' });
    expect(s.spec).toEqual({ ports: [{ port: 5000, targetPort: 5000 }], selector: { app: 'dojot', name: 'auth' } });
  });

  it('runs dojot/auth with its Redis cache beside it on 6379', () => {
    expect(podSpec(d).containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
      ['auth', 'dojot/auth:v0.6.0'],
      ['redis', 'dojot/redis:5.0.5-alpine3.10'],
    ]);
    expect(containerOf(d, 'redis').ports).toEqual([{ containerPort: 6379 }]);
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it("reaches Kafka, PostgreSQL (as auth-secret's user) and Kong's admin API at their contract addresses, no e-mail", () => {
    expect(envOf(d, 'auth')).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_GROUP_ID: 'auth-group',
      DOJOT_MANAGEMENT_USER: 'auth',
      AUTH_DB_HOST: 'postgres',
      AUTH_DB_USER: 'auth-secret:user',
      AUTH_DB_PWD: 'auth-secret:password',
      AUTH_KONG_URL: 'http://kong:8001',
      AUTH_CACHE_NAME: 'redis',
      AUTH_CACHE_HOST: 'localhost',
      AUTH_EMAIL_HOST: 'NOEMAIL',
      AUTH_RESET_PWD_VIEW: 'http://localhost/#/setPassword/',
    });
  });

  it('is ready once GET /admin/tenants answers (no health route in v0.6.0), alive while port 5000 accepts', () => {
    const c = containerOf(d, 'auth');
    expect(c.readinessProbe.httpGet).toEqual({ path: '/admin/tenants', port: 5000 });
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 5000 });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 5000 }, failureThreshold: 12, periodSeconds: 10, timeoutSeconds: 5 });
    expect(containerOf(d, 'redis').readinessProbe.exec.command).toEqual(['redis-cli', '-p', '6379', 'ping']);
  });
});

describe('auth in every flavour', () => {
  it.each([
    ['default', {}],
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
    ['100k', {}],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('Deployment', 'auth'), 'auth').image).toBe('dojot/auth:v0.6.0');
    expect(out.find('Service', 'auth').spec.ports).toEqual([{ port: 5000, targetPort: 5000 }]);
  });
});

describe('auth with the 100k preset', () => {
  const out = synth(profileOf('100k'));

  it("is pinned to the dojot group, and sends the domain's reset-password page", () => {
    const d = out.find('Deployment', 'auth');
    expect(podSpec(d).affinity).toEqual(groupAffinity('dojot'));
    expect(envOf(d, 'auth').AUTH_RESET_PWD_VIEW).toBe('http://dojot.domain/#/setPassword/');
  });

  it("follows Kafka's port", () => {
    const moved = synth(profileOf('100k', { kafka: { port: 9093 } }));
    expect(envOf(moved.find('Deployment', 'auth'), 'auth').KAFKA_HOSTS).toBe('kafka-server:9093');
  });
});

describe('auth with e-mail on (auth.emailEnabled)', () => {
  it("reads the SMTP host, account and password from auth-secret's e-mail keys", () => {
    const d = authChart(profileOf('default', { auth: { emailEnabled: true } })).find((o) => o.kind === 'Deployment');
    expect(d).toBeDefined();
    const env = envOf(d as ManifestObject, 'auth');
    expect(env).toMatchObject({
      AUTH_EMAIL_HOST: 'auth-secret:email_host',
      AUTH_EMAIL_USER: 'auth-secret:email_user',
      AUTH_EMAIL_PASSWD: 'auth-secret:email_passwd',
    });
    expect(Object.keys(env)).toHaveLength(13);
  });

  it('writes NOEMAIL without it, as the same chart built alone', () => {
    const d = authChart(profileOf('default')).find((o) => o.kind === 'Deployment') as ManifestObject;
    expect(envOf(d, 'auth').AUTH_EMAIL_HOST).toBe('NOEMAIL');
    expect(envOf(d, 'auth').AUTH_EMAIL_USER).toBeUndefined();
  });
});
