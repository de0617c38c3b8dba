// kong (charts/kong): the API gateway's Deployment, Services, migration and route Jobs, route script, mutual TLS, claim and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const DATABASE = {
  KONG_DATABASE: 'postgres',
  KONG_PG_HOST: 'postgres',
  KONG_PG_USER: 'kong-secret:user',
  KONG_PG_PASSWORD: 'kong-secret:password',
  KONG_PG_DATABASE: 'kong-secret:db',
};

describe('kong (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));
  const d = out.find('Deployment', 'kong');

  it('runs dojot/kong as user 100 on the proxy and admin ports, its PostgreSQL login from kong-secret', () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ app: 'dojot', name: 'kong' });
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'kong' });
    expect(d.spec.replicas).toBe(1);
    expect(podSpec(d).securityContext).toMatchObject({ runAsUser: 100 });
    const c = containerOf(d);
    expect(c.name).toBe('kong');
    expect(c.image).toBe('dojot/kong:v0.6.0');
    expect(c.ports).toEqual([{ containerPort: 8000 }, { containerPort: 8001 }]);
    expect(envOf(d)).toEqual(DATABASE);
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it("points pepkong's log at /dev/null before Kong starts", () => {
    expect(podSpec(d).initContainers.map((c: { name: string; image: string; command: string[] }) => [c.name, c.image, c.command])).toEqual([
      ['discard-pepkong-log', 'dojot/kong:v0.6.0', ['sh', '-c', 'ln -sf /dev/null /tmp/lualogs.txt']],
    ]);
  });

  it('is ready on /status of the admin port, alive while the proxy accepts', () => {
    const c = containerOf(d);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/status', port: 8001 });
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 8000 });
    expect(c.startupProbe.tcpSocket).toEqual({ port: 8000 });
  });

  it('serves admin and proxy inside the cluster, the proxy alone on a NodePort (no HTTPS without mutual TLS)', () => {
    const internal = out.find('Service', 'kong');
    expect(originalLabels(internal.metadata.labels)).toEqual({ name: 'kong' });
    expect(internal.spec).toEqual({
      type: 'ClusterIP',
      ports: [
        { name: 'apigw-config', port: 8001, targetPort: 8001 },
        { name: 'apigw-http-internal', port: 8000, targetPort: 8000 },
      ],
      selector: { app: 'dojot', name: 'kong' },
    });
    const external = out.find('Service', 'kong-external');
    expect(originalLabels(external.metadata.labels)).toEqual({ name: 'kong-external' });
    // NodePorts are not pinned in the default profile.
    expect(external.spec).toEqual({
      type: 'NodePort',
      ports: [{ name: 'apigw-http', port: 8000, targetPort: 8000 }],
      selector: { app: 'dojot', name: 'kong' },
    });
  });

  it('bootstraps, then runs and finishes its migrations in two Jobs with the same login', () => {
    const migrate = out.find('Job', 'kong-migrate');
    const up = out.find('Job', 'kong-migrate-up');
    for (const [job, args] of [
      [migrate, ['kong', 'migrations', 'bootstrap']],
      [up, ['/bin/sh', '-c', 'kong migrations up && kong migrations finish']],
    ] as const) {
      expect(job.spec.template.metadata.name).toBe(job.metadata.name);
      // 30 minutes of Kubernetes' backoff (lib/job-retries.ts).
      expect(job.spec.backoffLimit).toBe(10);
      expect(originalLabels(job.spec.template.metadata.labels)).toEqual({ name: job.metadata.name, app: 'dojot' });
      expect(podSpec(job).restartPolicy).toBe('OnFailure');
      const c = containerOf(job);
      expect(c.name).toBe(job.metadata.name);
      expect(c.image).toBe('dojot/kong:v0.6.0');
      expect(c.args).toEqual(args);
      expect(envOf(job)).toEqual(DATABASE);
    }
  });

  it("configures the routes with curl from the kong-config ConfigMap's script", () => {
    const job = out.find('Job', 'kong-route-config');
    expect(podSpec(job).restartPolicy).toBe('OnFailure');
    expect(job.spec.backoffLimit).toBe(10);
    const c = containerOf(job);
    expect(c.image).toBe('curlimages/curl:7.76.1');
    expect(c.command).toEqual(['/bin/sh', '/config_file/kong-config.sh']);
    expect(c.volumeMounts).toContainEqual({ mountPath: '/config_file', name: 'kong-route-config' });
    expect(podSpec(job).volumes).toContainEqual({ name: 'kong-route-config', configMap: { name: 'kong-config' } });
  });

  it("writes the route script against Kong's admin API and auth's decision point, with every deployed route", () => {
    const script = out.find('ConfigMap', 'kong-config').data['kong-config.sh'] as string;
    expect(script).toContain('\nKONG=http://kong:8001\n');
    expect(script).toContain('plugin "$1" pepkong --data \'config.pdpUrl=http://auth:5000/pdp\'');
    expect(script).toContain("endpoint 'auth-service' 'http://auth:5000' '\"/auth\"' true\n");
    expect(script).toContain(
      "plugin 'auth-service' 'rate-limiting' --data 'config.minute=5' --data 'config.hour=40' --data 'config.policy=local'\n",
    );
    expect(script).toContain(
      "endpoint 'x509-identity-mgmt' 'http://x509-identity-mgmt:3000/api' '\"/x509\"' true\nauthorized 'x509-identity-mgmt'\n",
    );
    expect(script).toContain(
      'curl -sS -X PATCH --url "$KONG/services/kafka-ws" --data read_timeout=300000 --data write_timeout=300000 --data connect_timeout=300000\n',
    );
    // The full flavour's services have their routes too.
    expect(script).toMatch(/^endpoint 'device-manager' /m);
    expect(script.endsWith('echo "API gateway routes configured"\n')).toBe(true);
  });

  it('has no claim and mounts no certificates without persistence', () => {
    expect(out.maybe('PersistentVolumeClaim', 'kong')).toBeUndefined();
    expect(containerOf(d).volumeMounts.map((m: { mountPath: string }) => m.mountPath)).not.toContain('/certs');
  });
});

describe('kong with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const d = out.find('Deployment', 'kong');

  it('takes NodePort 30001 for its proxy', () => {
    expect(out.find('Service', 'kong-external').spec.ports).toEqual([
      { name: 'apigw-http', port: 8000, targetPort: 8000, nodePort: 30001 },
    ]);
  });

  it('claims the certificates volume (5Mi, ReadOnlyMany) and mounts it at /certs', () => {
    expect(out.find('PersistentVolumeClaim', 'kong').spec).toEqual({
      accessModes: ['ReadOnlyMany'],
      storageClassName: 'local-storage',
      resources: { requests: { storage: '5Mi' } },
      selector: { matchLabels: { app: 'dojot', name: 'kong' } },
    });
    expect(podSpec(d).volumes).toContainEqual({ name: 'kong', persistentVolumeClaim: { claimName: 'kong' } });
    expect(containerOf(d).volumeMounts).toContainEqual({ name: 'kong', mountPath: '/certs' });
  });

  it('pins Kong and its Jobs to the dojot group', () => {
    for (const [kind, name] of [
      ['Deployment', 'kong'],
      ['Job', 'kong-migrate'],
      ['Job', 'kong-migrate-up'],
      ['Job', 'kong-route-config'],
    ])
      expect(podSpec(out.find(kind, name)).affinity, name).toEqual(groupAffinity('dojot'));
  });

  it('routes only what the 100k flavour deploys', () => {
    const script = out.find('ConfigMap', 'kong-config').data['kong-config.sh'] as string;
    expect(script).toMatch(/^endpoint 'data-broker' /m);
    expect(script).not.toMatch(/^endpoint 'device-manager' /m);
  });
});

describe('kong with mutual TLS (100k preset)', () => {
  const out = synth(profileOf('100k', { apigw: { mutualTls: true } }));
  const d = out.find('Deployment', 'kong');

  it('serves HTTPS on 8443 with the certificates of /certs, verifying the upstreams against the CA', () => {
    expect(containerOf(d).ports).toEqual([{ containerPort: 8000 }, { containerPort: 8001 }, { containerPort: 8443 }]);
    expect(envOf(d)).toEqual({
      ...DATABASE,
      KONG_SSL_CERT_KEY: '/certs/kong.key',
      KONG_SSL_CERT: '/certs/kong.crt',
      KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE_KEY: '/certs/kong-internal.key',
      KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE: '/certs/kong-internal.crt',
      KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE: '/certs/ca.crt',
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY: 'on',
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH: '2',
    });
  });

  it('exposes HTTPS on NodePort 30002', () => {
    expect(out.find('Service', 'kong-external').spec.ports).toEqual([
      { name: 'apigw-http', port: 8000, targetPort: 8000, nodePort: 30001 },
      { name: 'apigw-https', port: 8443, targetPort: 8443, nodePort: 30002 },
    ]);
  });
});

describe('kong in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j, with its Jobs', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('Deployment', 'kong')).image).toBe('dojot/kong:v0.6.0');
    for (const job of ['kong-migrate', 'kong-migrate-up', 'kong-route-config']) expect(out.find('Job', job).metadata.name).toBe(job);
  });
});
