import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { containerFactsOf } from '../../charts/component';
import { platformContracts } from '../../charts/contracts';
import { influxdbRetrieverComponent } from '../../charts/influxdb-retriever/component';
import { influxdbStorerComponent } from '../../charts/influxdb-storer/component';
import { renderSetupScript } from '../../charts/influxdb/setup-script';
import { InfluxdbRetrieverChart } from '../../charts/influxdb-retriever/influxdb-retriever-chart';
import { InfluxdbStorerChart } from '../../charts/influxdb-storer/influxdb-storer-chart';
import { type ManifestObject, podSpec, profileOf, synth, originalLabels } from '../helpers/synth';

type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };

const container = (o: ManifestObject, i = 0) => podSpec(o).containers[i];
/** A container's env as name → value, or `secret:key` for a Secret's key. */
function envOf(o: ManifestObject, i = 0): Record<string, string> {
  return Object.fromEntries(
    (container(o, i).env as EnvVar[]).map((e) => [
      e.name,
      e.value ?? `${e.valueFrom!.secretKeyRef!.name}:${e.valueFrom!.secretKeyRef!.key}`,
    ]),
  );
}
const labelsOf = (name: string) => ({ app: 'dojot', name });

const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;

/** Every workload of these charts: kind, name, and the selector the original used. */
const WORKLOADS: [kind: string, name: string][] = [
  ['Deployment', 'history'],
  ['Deployment', 'persister'],
  ['StatefulSet', 'influxdb'],
  ['Deployment', 'influxdb-storer'],
  ['Deployment', 'influxdb-retriever'],
  ['Deployment', 'data-manager'],
  ['Deployment', 'cron'],
  ['Deployment', 'kafka2ftp'],
];

describe('full platform (default profile): history, persister, data-manager, cron, kafka2ftp', () => {
  const out = synth(profileOf('default'));
  const version = out.profile.version;

  it.each(WORKLOADS.filter(([, n]) => !n.startsWith('influxdb')))(
    "%s %s: the original's labels and selector, one replica",
    (kind, name) => {
      const w = out.find(kind, name);
      expect(originalLabels(w.metadata.labels)).toEqual(labelsOf(name));
      expect(w.spec.selector.matchLabels).toEqual(labelsOf(name));
      expect(originalLabels(w.spec.template.metadata.labels)).toEqual(labelsOf(name));
      expect(w.spec.replicas).toBe(1);
      expect(podSpec(w).restartPolicy).toBe('Always');
      expect(podSpec(w).affinity).toBeUndefined();
    },
  );

  it('history: image, settings and its MongoDB and device-manager from the contracts', () => {
    const w = out.find('Deployment', 'history');
    expect(container(w).image).toBe(`dojot/history:${out.profile.versions.history}`);
    expect(envOf(w)).toEqual({
      FALCON_SETTINGS_MODULE: 'history.settings.docker',
      DOJOT_MANAGEMENT_USER: 'history',
      HISTORY_DB_ADDRESS: 'mongodb',
      HISTORY_DB_PORT: '27017',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
      // As a non-root user whose HOME is /, a zipped egg extracts here (its component's `security`).
      PYTHON_EGG_CACHE: '/tmp/.python-eggs',
    });
    const svc = out.find('Service', 'history');
    expect(originalLabels(svc.metadata.labels)).toEqual({ name: 'history' });
    expect(svc.spec.ports).toEqual([{ port: 8000 }]);
    expect(svc.spec.selector).toEqual(labelsOf('history'));
  });

  it('persister: Kafka, MongoDB, data-broker and auth from the contracts; no Service', () => {
    const w = out.find('Deployment', 'persister');
    expect(container(w).image).toBe(`dojot/persister:${out.profile.versions.persister}`);
    expect(envOf(w)).toEqual({
      FALCON_SETTINGS_MODULE: 'history.settings.docker',
      DOJOT_MANAGEMENT_USER: 'persister',
      KAFKA_GROUP_ID: 'persister-group',
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_ADDRESS: 'kafka-server',
      KAFKA_PORT: '9092',
      HISTORY_DB_ADDRESS: 'mongodb',
      HISTORY_DB_PORT: '27017',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
      PYTHON_EGG_CACHE: '/tmp/.python-eggs',
    });
    expect(out.maybe('Service', 'persister')).toBeUndefined();
  });

  it('data-manager: port 3000 and the services it exports from', () => {
    const w = out.find('Deployment', 'data-manager');
    expect(container(w).image).toBe(`dojot/data-manager:${out.profile.versions.dataManager}`);
    expect(envOf(w)).toEqual({
      PORT: '3000',
      FLOW_BROKER_URL: 'http://flowbroker:80',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
      CRON_URL: 'http://cron:5000/cron',
    });
    expect(out.find('Service', 'data-manager').spec).toMatchObject({ ports: [{ port: 3000 }], selector: labelsOf('data-manager') });
  });

  it("cron: the platform version's image, Kafka and MongoDB from the contracts", () => {
    const w = out.find('Deployment', 'cron');
    expect(container(w).image).toBe(`dojot/cron:${version}`);
    expect(envOf(w)).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      MONGO_URL: 'mongodb://mongodb:27017',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
    });
    expect(out.find('Service', 'cron').spec).toMatchObject({ ports: [{ port: 5000 }], selector: labelsOf('cron') });
  });

  it("kafka2ftp: the original's settings, anonymous FTP; no Service", () => {
    const w = out.find('Deployment', 'kafka2ftp');
    expect(container(w).image).toBe(`dojot/kafka2ftp:${out.profile.versions.kafka2ftp}`);
    expect(envOf(w)).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_GROUP_ID: 'kafka2ftp-group',
      LOG_CONSOLE_LEVEL: 'info',
      FTP_TENANT: 'admin',
      FTP_HOST: 'localhost',
      FTP_PORT: '21',
      FTP_FTPS: 'false',
      // From kafka2ftp-secret when it exists; the image's anonymous / guest without it.
      FTP_USER: 'kafka2ftp-secret:user',
      FTP_PASSWORD: 'kafka2ftp-secret:password',
      FTP_REMOTE_DIR: '/incoming/',
      MAX_CONCURRENT_CONNECTIONS: '10',
      RETRIES: '13',
    });
    expect(out.maybe('Service', 'kafka2ftp')).toBeUndefined();
  });

  it('has no InfluxDB, storer or retriever (optional.influxdb is off)', () => {
    for (const [kind, name] of [
      ...WORKLOADS.filter(([, n]) => n.startsWith('influxdb')),
      ['Service', 'influxdb'],
      ['Service', 'influxdb-retriever'],
      ['Job', 'influxdb-job'],
    ]) {
      expect(out.maybe(kind, name)).toBeUndefined();
    }
  });

  it('leaves out history and persister when their toggles are off', () => {
    const off = synth(profileOf('default', { optional: { history: false, persister: false } }));
    expect(off.maybe('Deployment', 'history')).toBeUndefined();
    expect(off.maybe('Service', 'history')).toBeUndefined();
    expect(off.maybe('Deployment', 'persister')).toBeUndefined();
  });
});

describe('addresses follow the contracts', () => {
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("Kafka's port (the original's cron and kafka2ftp wrote a fixed 9092)", () => {
    expect(envOf(out.find('Deployment', 'cron')).KAFKA_HOSTS).toBe('kafka-server:9093');
    expect(envOf(out.find('Deployment', 'kafka2ftp')).KAFKA_HOSTS).toBe('kafka-server:9093');
    expect(envOf(out.find('Deployment', 'persister'))).toMatchObject({ KAFKA_HOSTS: 'kafka-server:9093', KAFKA_PORT: '9093' });
    expect(envOf(out.find('Deployment', 'influxdb-storer')).STORER_CONSUMER_METADATA_BROKER_LIST).toBe('kafka-server:9093');
  });

  it("MongoDB's port", () => {
    expect(envOf(out.find('Deployment', 'history')).HISTORY_DB_PORT).toBe('27018');
    expect(envOf(out.find('Deployment', 'persister')).HISTORY_DB_PORT).toBe('27018');
    expect(envOf(out.find('Deployment', 'cron')).MONGO_URL).toBe('mongodb://mongodb:27018');
  });

  it("InfluxDB's port: the Service's, while influxd keeps listening on 8086 (api)", () => {
    expect(out.find('Service', 'influxdb').spec.ports).toEqual([{ port: 9999, targetPort: 'api' }]);
    expect(container(out.find('StatefulSet', 'influxdb')).ports[0]).toEqual({ containerPort: 8086, name: 'api', protocol: 'TCP' });
    expect(envOf(out.find('Deployment', 'influxdb-storer')).STORER_INFLUX_URL).toBe('http://influxdb:9999');
    expect(envOf(out.find('Deployment', 'influxdb-retriever')).RETRIEVER_INFLUX_URL).toBe('http://influxdb:9999');
    const script = container(out.find('Job', 'influxdb-job')).args[1];
    expect(script).toContain("port='9999'");
    expect(script).toContain("--host 'http://influxdb:9999'");
  });
});

describe('InfluxDB, influxdb-storer and influxdb-retriever (optional.influxdb on)', () => {
  const out = synth(profileOf('default', INFLUX_ON));
  const influx = out.profile.influxdb;

  it('InfluxDB: a StatefulSet governed by its Service, ports api and rpc, /ping probes', () => {
    const sts = out.find('StatefulSet', 'influxdb');
    expect(sts.apiVersion).toBe('apps/v1');
    expect(originalLabels(sts.metadata.labels)).toEqual(labelsOf('influxdb'));
    expect(sts.spec.selector.matchLabels).toEqual(labelsOf('influxdb'));
    expect(sts.spec.serviceName).toBe('influxdb');
    expect(podSpec(sts).terminationGracePeriodSeconds).toBe(30);
    const c = container(sts);
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

  it("the setup Job: the original's name, image and backoff, credentials from influxdb-secret, no affinity", () => {
    const job = out.find('Job', 'influxdb-job');
    expect(job.spec.backoffLimit).toBe(3);
    expect(job.spec.template.metadata.name).toBe('influxdb-job');
    expect(originalLabels(job.spec.template.metadata.labels)).toBeUndefined();
    expect(podSpec(job).restartPolicy).toBe('OnFailure');
    expect(podSpec(job).affinity).toBeUndefined();
    const c = container(job);
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
    const [flag, script] = container(out.find('Job', 'influxdb-job')).args as string[];
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

  it("influxdb-storer: the original's settings, and InfluxDB's URL and token", () => {
    const w = out.find('Deployment', 'influxdb-storer');
    expect(w.spec.selector.matchLabels).toEqual(labelsOf('influxdb-storer'));
    expect(originalLabels(w.metadata.labels)).toEqual(labelsOf('influxdb-storer'));
    const c = container(w);
    expect(c.image).toBe(`dojot/influxdb-storer:${out.profile.versions.influxdbStorer}`);
    expect(envOf(w)).toMatchObject({
      STORER_LOG_CONSOLE_LEVEL: 'info',
      STORER_CONSUMER_METADATA_BROKER_LIST: 'kafka-server:9092',
      STORER_INFLUX_URL: 'http://influxdb:8086',
      STORER_INFLUX_DEFAULT_TOKEN: 'influxdb-secret:admin-token',
    });
    // v0.6.0's readiness failed on one miss (failureThreshold 1); a startup probe now covers the start.
    expect(c.readinessProbe).toEqual({
      httpGet: { path: '/ready', port: 9000 },
      failureThreshold: 3,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 5,
    });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/live', port: 9000 }, failureThreshold: 3, periodSeconds: 20, timeoutSeconds: 5 });
    expect(c.startupProbe).toEqual({ httpGet: { path: '/live', port: 9000 }, failureThreshold: 12, periodSeconds: 10, timeoutSeconds: 5 });
    expect(out.maybe('Service', 'influxdb-storer')).toBeUndefined();
  });

  it("influxdb-retriever: its Service on 3000, InfluxDB's URL and token, probes on 9000", () => {
    const w = out.find('Deployment', 'influxdb-retriever');
    expect(w.spec.selector.matchLabels).toEqual(labelsOf('influxdb-retriever'));
    const c = container(w);
    expect(c.image).toBe(`dojot/influxdb-retriever:${out.profile.versions.influxdbRetriever}`);
    expect(envOf(w)).toMatchObject({
      RETRIEVER_LOG_CONSOLE_LEVEL: 'info',
      RETRIEVER_INFLUX_URL: 'http://influxdb:8086',
      RETRIEVER_INFLUX_DEFAULT_TOKEN: 'influxdb-secret:admin-token',
      RETRIEVER_SERVER_PORT: '3000',
    });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/live', port: 9000 });
    expect(out.find('Service', 'influxdb-retriever').spec).toEqual({
      ports: [{ port: 3000, targetPort: 3000 }],
      selector: labelsOf('influxdb-retriever'),
    });
  });

  it('the log levels come from the profile', () => {
    const debug = synth(profileOf('default', { ...INFLUX_ON, influxdb: { storerLogLevel: 'debug', retrieverLogLevel: 'warn' } }));
    expect(envOf(debug.find('Deployment', 'influxdb-storer')).STORER_LOG_CONSOLE_LEVEL).toBe('debug');
    expect(envOf(debug.find('Deployment', 'influxdb-retriever')).RETRIEVER_LOG_CONSOLE_LEVEL).toBe('warn');
  });

  it('storer and retriever need InfluxDB: absent when only their own toggles are on', () => {
    const without = synth(profileOf('default', { optional: { influxdb: false, influxdbStorer: true, influxdbRetriever: true } }));
    expect(without.maybe('Deployment', 'influxdb-storer')).toBeUndefined();
    expect(without.maybe('Deployment', 'influxdb-retriever')).toBeUndefined();
    expect(without.maybe('StatefulSet', 'influxdb')).toBeUndefined();
  });

  it('InfluxDB alone: no storer, no retriever', () => {
    const alone = synth(profileOf('default', { optional: { influxdb: true } }));
    expect(alone.find('StatefulSet', 'influxdb').spec.serviceName).toBe('influxdb');
    expect(alone.maybe('Deployment', 'influxdb-storer')).toBeUndefined();
    expect(alone.maybe('Deployment', 'influxdb-retriever')).toBeUndefined();
  });
});

describe('storer and retriever given the organization and bucket', () => {
  it("write them to the image's settings", () => {
    const p = profileOf('default', { ...INFLUX_ON, influxdb: { organizationName: 'acme', bucket: 'telemetry' } });
    const common = {
      namespace: p.namespace,
      placement: p.placement,
      storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
      contracts: platformContracts(p),
    };
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-b-')) });
    const storer = new InfluxdbStorerChart(app, 'storer', {
      ...common,
      containerFacts: containerFactsOf(influxdbStorerComponent, p, common.contracts.influxdbStorer),
      version: 'v0.6.0',
      logLevel: 'info',
      influxdb: p.influxdb,
    }).toJson();
    const retriever = new InfluxdbRetrieverChart(app, 'retriever', {
      ...common,
      containerFacts: containerFactsOf(influxdbRetrieverComponent, p, common.contracts.influxdbRetriever),
      version: 'v0.6.0',
      logLevel: 'info',
      influxdb: p.influxdb,
    }).toJson();
    const envs = (docs: ManifestObject[]) => envOf(docs.find((d) => d.kind === 'Deployment')!);
    expect(envs(storer)).toMatchObject({ STORER_INFLUX_DEFAULT_ORGANIZATION: 'acme', STORER_INFLUX_DEFAULT_BUCKET: 'telemetry' });
    expect(envs(retriever)).toMatchObject({ RETRIEVER_INFLUX_DEFAULT_BUCKET: 'telemetry' });
    fs.rmSync(app.outdir, { recursive: true, force: true });
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
    expect(container(sts).volumeMounts).toEqual([{ name: 'influxdb-volume', mountPath: '/root/.influxdbv2' }]);
    const pv = out.find('PersistentVolume', 'local-pv-influxdb');
    expect(pv.metadata.labels).toMatchObject({ app: 'dojot', db: 'influxdb' });
  });
});

describe('node affinity on (100k preset, vernemq flavour: the whole platform)', () => {
  // With InfluxDB the guide's dojot machine is too small (test/charts/capacity.test.ts): warned, not refused.
  const out = synth(profileOf('100k', { flavour: 'vernemq', ...INFLUX_ON, capacity: { onExcess: 'warn' } }));
  const label = out.profile.placement.nodeLabels.dojot;

  it.each(WORKLOADS)('pins %s %s to the dojot group', (kind, name) => {
    expect(podSpec(out.find(kind, name)).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'dojot.components/group', operator: 'In', values: [label] }] }],
        },
      },
    });
  });

  it('leaves the setup Job unpinned, as the original', () => {
    expect(podSpec(out.find('Job', 'influxdb-job')).affinity).toBeUndefined();
  });
});

describe.each(['mosca', 'lwm2m'] as const)('the %s flavour', (flavour) => {
  const out = synth(profileOf('default', { flavour, ...INFLUX_ON }));

  it.each(WORKLOADS)('deploys %s %s', (kind, name) => {
    expect(originalLabels(out.find(kind, name).spec.template.metadata.labels)).toEqual(labelsOf(name));
  });
});

describe('the 100k flavour', () => {
  const out = synth(profileOf('100k', INFLUX_ON));

  it.each(WORKLOADS)('deploys no %s %s', (kind, name) => {
    expect(out.maybe(kind, name)).toBeUndefined();
  });

  it('has no InfluxDB setup Job', () => {
    expect(out.maybe('Job', 'influxdb-job')).toBeUndefined();
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
