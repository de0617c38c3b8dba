// influxdb (charts/influxdb): its StatefulSet, Service, setup Job and script, toggle and persistence.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSetupScript } from '../../charts/influxdb/setup-script';
import { containerOf, envOf, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const labelsOf = (name: string) => ({ app: 'dojot', name });
const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;

describe('addresses follow the contracts', () => {
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("InfluxDB's port: the Service's, while influxd keeps listening on 8086 (api)", () => {
    expect(out.find('Service', 'influxdb').spec.ports).toEqual([{ port: 9999, targetPort: 'api' }]);
    expect(containerOf(out.find('StatefulSet', 'influxdb')).ports[0]).toEqual({ containerPort: 8086, name: 'api', protocol: 'TCP' });
    const script = containerOf(out.find('Job', 'influxdb-job')).args[1];
    expect(script).toContain("port='9999'");
    expect(script).toContain("--host 'http://influxdb:9999'");
  });
});

describe('InfluxDB (optional.influxdb on)', () => {
  const out = synth(profileOf('default', INFLUX_ON));
  const influx = out.profile.influxdb;

  it('InfluxDB: a StatefulSet governed by its Service, ports api and rpc, /ping probes', () => {
    const sts = out.find('StatefulSet', 'influxdb');
    expect(sts.apiVersion).toBe('apps/v1');
    expect(originalLabels(sts.metadata.labels)).toEqual(labelsOf('influxdb'));
    expect(sts.spec.selector.matchLabels).toEqual(labelsOf('influxdb'));
    expect(sts.spec.serviceName).toBe('influxdb');
    expect(podSpec(sts).terminationGracePeriodSeconds).toBe(30);
    const c = containerOf(sts);
    expect(c.image).toBe(`quay.io/influxdb/influxdb:${influx.version}`);
    expect(c.image).toBe('quay.io/influxdb/influxdb:v2.0.2');
    expect(c.ports).toEqual([
      { containerPort: 8086, name: 'api', protocol: 'TCP' },
      { containerPort: 8088, name: 'rpc', protocol: 'TCP' },
    ]);
    const ping = { path: '/ping', port: 'api', scheme: 'HTTP' };
    expect(c.startupProbe).toEqual({
      httpGet: ping,
      failureThreshold: 3,
      initialDelaySeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(c.readinessProbe).toEqual({
      httpGet: ping,
      failureThreshold: 3,
      initialDelaySeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(c.livenessProbe).toEqual({
      httpGet: ping,
      failureThreshold: 3,
      initialDelaySeconds: 30,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 5,
    });
    // Persistence off (the default): no claim, nothing mounted.
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(c.volumeMounts).toBeUndefined();
    const svc = out.find('Service', 'influxdb');
    expect(svc.spec).toEqual({ type: 'ClusterIP', ports: [{ port: 8086, targetPort: 'api' }], selector: labelsOf('influxdb') });
  });

  it("the setup Job: the original's name and image, credentials from influxdb-secret, no affinity", () => {
    const job = out.find('Job', 'influxdb-job');
    // 30 minutes of Kubernetes' backoff (lib/job-retries.ts); v0.6.0's 3 gave up after about a minute.
    expect(job.spec.backoffLimit).toBe(10);
    expect(job.spec.template.metadata.name).toBe('influxdb-job');
    expect(originalLabels(job.spec.template.metadata.labels)).toBeUndefined();
    expect(podSpec(job).restartPolicy).toBe('OnFailure');
    expect(podSpec(job).affinity).toBeUndefined();
    const c = containerOf(job);
    expect(c.name).toBe('influxdb-create-admin-user');
    expect(c.image).toBe('quay.io/influxdb/influxdb:v2.0.2');
    expect(c.command).toEqual(['bash']);
    expect(envOf(job)).toEqual({
      INFLUXDB_USER: 'influxdb-secret:admin-user',
      INFLUXDB_PASSWORD: 'influxdb-secret:admin-password',
      INFLUXDB_TOKEN: 'influxdb-secret:admin-token',
    });
  });

  it("the setup script asks GET /api/v2/setup before `influx setup`, with the profile's names", () => {
    const [flag, script] = containerOf(out.find('Job', 'influxdb-job')).args as string[];
    expect(flag).toBe('-c');
    expect(script.indexOf('get /ping')).toBeGreaterThan(0);
    expect(script.indexOf('get /api/v2/setup')).toBeGreaterThan(script.indexOf('get /ping'));
    expect(script.indexOf('influx setup')).toBeGreaterThan(script.indexOf('get /api/v2/setup'));
    expect(script).toMatch(/"allowed":\[\[:space:\]\]\*false'; then\n\s+echo .*\n\s+exit 0/);
    expect(script).toContain(`--org '${influx.organizationName}' --bucket '${influx.bucket}' --retention '${influx.retention}'`);
    expect(script).toContain('--username "$INFLUXDB_USER" --password "$INFLUXDB_PASSWORD" --token "$INFLUXDB_TOKEN"');
    // Only what the image has: no curl, no wget.
    expect(script).not.toMatch(/\b(curl|wget)\b/);
  });

  it('InfluxDB alone: no storer, no retriever', () => {
    const alone = synth(profileOf('default', { optional: { influxdb: true } }));
    expect(alone.find('StatefulSet', 'influxdb').spec.serviceName).toBe('influxdb');
    expect(alone.maybe('Deployment', 'influxdb-storer')).toBeUndefined();
    expect(alone.maybe('Deployment', 'influxdb-retriever')).toBeUndefined();
  });
});

describe('InfluxDB with persistence on', () => {
  const out = synth(
    profileOf('default', { storageClassName: 'local-storage', optional: { influxdb: true }, influxdb: { persistence: { enabled: true } } }),
  );

  it('claims influxdb-volume from the local volume and mounts it at /root/.influxdbv2', () => {
    const sts = out.find('StatefulSet', 'influxdb');
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'influxdb-volume' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'local-storage',
          resources: { requests: { storage: '2Gi' } },
          selector: { matchLabels: { app: 'dojot', db: 'influxdb' } },
        },
      },
    ]);
    expect(containerOf(sts).volumeMounts).toEqual([{ name: 'influxdb-volume', mountPath: '/root/.influxdbv2' }]);
    const pv = out.find('PersistentVolume', 'local-pv-influxdb');
    expect(pv.metadata.labels).toMatchObject({ app: 'dojot', db: 'influxdb' });
  });
});

describe('node affinity on (100k preset, vernemq flavour: the whole platform)', () => {
  // With InfluxDB the guide's dojot machine is too small (test/charts/capacity.test.ts): warned, not refused.
  const out = synth(profileOf('100k', { flavour: 'vernemq', ...INFLUX_ON, capacity: { onExcess: 'warn' } }));

  it('leaves the setup Job unpinned, as the original', () => {
    expect(podSpec(out.find('Job', 'influxdb-job')).affinity).toBeUndefined();
  });
});

describe('the setup script against a stand-in for InfluxDB', () => {
  /** Runs the script with bash, a loopback server answering /ping and /api/v2/setup, and a recording `influx`. */
  async function run(setup: string | undefined): Promise<{ code: number; influx: string; stdout: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-influx-'));
    fs.writeFileSync(path.join(dir, 'influx'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${dir}/calls'\n`, { mode: 0o755 });
    const server = http.createServer((req, res) => {
      if (req.url === '/ping') res.writeHead(204).end();
      else if (req.url === '/api/v2/setup' && setup !== undefined)
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(setup);
      else res.writeHead(404).end('{"code":"not found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const script = renderSetupScript({ host: '127.0.0.1', port, organization: 'admin', bucket: 'devices', retention: '7d' });
    try {
      const env = { PATH: `${dir}:${process.env.PATH}`, INFLUXDB_USER: 'dojot', INFLUXDB_PASSWORD: 'pw', INFLUXDB_TOKEN: 'tok' };
      const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile('bash', ['-c', script], { env, timeout: 20_000 }, (err, stdout) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
        ),
      );
      const calls = path.join(dir, 'calls');
      return { ...result, influx: fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '' };
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  // influxd answers with tab-indented JSON (kit/transport/http/api.go: prettyJSON by default).
  it('sets up a new instance', async () => {
    const r = await run('{\n\t"allowed": true\n}');
    expect(r.code).toBe(0);
    expect(r.influx).toMatch(
      /^setup --force --host http:\/\/127\.0\.0\.1:\d+ --org admin --bucket devices --retention 7d --username dojot --password pw --token tok\n$/,
    );
  });

  it('succeeds without running `influx setup` on an instance set up already (a rerun)', async () => {
    const r = await run('{\n\t"allowed": false\n}');
    expect(r.code).toBe(0);
    expect(r.influx).toBe('');
    expect(r.stdout).toContain('set up already');
  });

  it('fails on an answer it does not understand', async () => {
    const r = await run(undefined);
    expect(r.code).toBe(1);
    expect(r.influx).toBe('');
  });
});
