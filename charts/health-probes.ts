import { k8s } from 'cdk8s-plus-27';
import { type PortContract, portOf, type ServiceContract } from '../lib/contract';
import type { Profile } from '../profile/types';
import type { PlatformContracts } from './contracts';

export type { HealthChecks, HealthEntry, HealthTable, NoHealthCheck, OwnHealthChecks } from '../lib/container-probes';
import type { HealthChecks, HealthTable } from '../lib/container-probes';

/** The health server of @dojot/microservice-sdk (lightship), fixed at 9000 (`detectKubernetes: false`, ServiceStateManager.js). */
const LIGHTSHIP_PORT = 9000;
/** persister's wsgiref server (history repo, subscriber/persister.py: `GET /persister/log`, no auth). */
const PERSISTER_LOG_PORT = 8057;
/** iotagent-mosca's HTTP server (iotagent-mosca release/v0.6.0, src/app.js: `GET /healthCheck`). */
const MOSCA_HEALTH_PORT = 10001;

/**
 * dojot's services decode a JWT's payload without checking its signature (data-broker
 * src/api/authMiddleware.ts; cron, device-manager and history likewise), and put some health
 * routes behind that decode. A token of a made-up user with no signature passes it: it grants
 * nothing, since every real check is Kong's, against auth.
 */
const PROBE_TOKEN = `probe.${Buffer.from(JSON.stringify({ username: 'probe', service: 'probe' })).toString('base64')}.unsigned`;
const WITH_TOKEN = [{ name: 'Authorization', value: `Bearer ${PROBE_TOKEN}` }];

const port = (p: number | string) => (typeof p === 'number' ? k8s.IntOrString.fromNumber(p) : k8s.IntOrString.fromString(p));
/** The port a container listens on for one of its Service's ports. */
const target = (c: PortContract) => c.targetPort ?? c.port;

const http = (path: string, p: number | string, headers?: k8s.HttpHeader[]) => ({ httpGet: { path, port: port(p), httpHeaders: headers } });
const tcp = (p: number | string) => ({ tcpSocket: { port: port(p) } });
const exec = (...command: string[]) => ({ exec: { command } });

/** Out of the Services after 30 s of failures; back after one success. */
const ready = (check: Omit<k8s.Probe, 'periodSeconds'>, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 10,
  timeoutSeconds,
  failureThreshold: 3,
  successThreshold: 1,
});
/** Restarted after a minute of failures. */
const alive = (check: Omit<k8s.Probe, 'periodSeconds'>, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 20,
  timeoutSeconds,
  failureThreshold: 3,
});
/** Given `seconds` to start before liveness takes over. */
const starting = (check: Omit<k8s.Probe, 'periodSeconds'>, seconds: number, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 10,
  timeoutSeconds,
  failureThreshold: Math.ceil(seconds / 10),
});

/** A process with one cheap check: ready, alive and started by it. */
const single = (check: Omit<k8s.Probe, 'periodSeconds'>, startSeconds: number, timeoutSeconds = 5): HealthChecks => ({
  readiness: ready(check, timeoutSeconds),
  liveness: alive(check, timeoutSeconds),
  startup: starting(check, startSeconds, timeoutSeconds),
});

/** A process whose command line holds `text` is running (for the containers that offer nothing else). */
const running = (text: string) => exec('sh', '-c', `grep -qs '${text}' /proc/[0-9]*/cmdline`);

/** `redis-cli ping` exits non-zero when the server does not answer (redis official image, alpine). */
const redis = (s: ServiceContract | number): HealthChecks =>
  single(exec('redis-cli', '-p', String(typeof s === 'number' ? s : target(portOf(s, 'redis'))), 'ping'), 30);

/** Lightship: `/live` is 200 unless shutting down, `/ready` when every dependency is (SDK ServiceStateManager). */
const lightship = (startSeconds: number, scheme?: 'HTTPS'): HealthChecks => {
  const on = (path: string) => ({ httpGet: { path, port: port(LIGHTSHIP_PORT), scheme } });
  return { readiness: ready(on('/ready')), liveness: alive(on('/live')), startup: starting(on('/live'), startSeconds) };
};

/** The health checks of every workload the platform may deploy (tests check that none is missing). */
export function healthTable(p: Profile, c: PlatformContracts): HealthTable {
  const s = <K extends keyof PlatformContracts>(k: K) => c[k].services as Record<string, ServiceContract>;
  const api = (k: keyof PlatformContracts, service = 'api', role = 'http') => target(portOf(s(k)[service], role));
  return {
    // docker-library/postgres 9.5 alpine: pg_isready over TCP, false while initdb's socket-only server runs.
    postgres: { postgres: single(exec('sh', '-c', `pg_isready -h 127.0.0.1 -p ${p.postgres.port} -U "$POSTGRES_USER"`), 180) },
    // docker-library/mongo 3.2: the mongo shell is in the image (mongodb-org-shell); ping needs no login.
    mongodb: {
      mongodb: single(
        exec('mongo', '--quiet', '--port', String(p.mongodb.port), '--eval', 'quit(db.adminCommand("ping").ok ? 0 : 1)'),
        120,
        10,
      ),
    },
    // minio RELEASE.2019-09-18: /minio/health/live and /ready, no auth (cmd/healthcheck-router.go).
    minio: {
      minio: {
        readiness: ready(http('/minio/health/ready', api('minio', 's3', 's3'))),
        liveness: alive(http('/minio/health/live', api('minio', 's3', 's3'))),
        startup: starting(http('/minio/health/live', api('minio', 's3', 's3')), 60),
      },
    },
    // rabbitmq 3.7.24: each call boots an Erlang VM (1-3 s), hence the timeouts.
    rabbitmq: {
      rabbitmq: {
        readiness: ready(exec('rabbitmq-diagnostics', '-q', 'check_running'), 15),
        liveness: alive(exec('rabbitmq-diagnostics', '-q', 'ping'), 15),
        startup: starting(exec('rabbitmq-diagnostics', '-q', 'ping'), 120, 15),
      },
    },
    // InfluxDB v2.0.2: /health is 200 {"status":"pass"} (http/handler.go); its chart sets /ping, kept.
    influxdb: { influxdb: { own: 'InfluxDB chart: /ping startup, readiness and liveness' } },
    // cp-zookeeper 5.5.0 (ZooKeeper 3.5): only `srvr` is whitelisted; it names a Mode only while serving.
    zookeeper: {
      zookeeper: {
        readiness: ready(exec('sh', '-c', `echo srvr | nc -w 2 127.0.0.1 ${p.zookeeper.clientPort} | grep -q Mode:`)),
        liveness: alive(tcp(p.zookeeper.clientPort)),
        startup: starting(tcp(p.zookeeper.clientPort), 120),
      },
    },
    // cp-kafka 5.5.0: kafka-broker-api-versions answers once the broker serves; a JVM per call, so seldom.
    'kafka-server': {
      kafka: {
        readiness: {
          ...exec('sh', '-c', `/usr/bin/kafka-broker-api-versions --bootstrap-server=localhost:${p.kafka.port}`),
          periodSeconds: 30,
          timeoutSeconds: 20,
          failureThreshold: 3,
        },
        liveness: alive(tcp(p.kafka.port)),
        // Up to 40 s waiting for Zookeeper (cub zk-ready), then log recovery after an unclean stop.
        startup: starting(tcp(p.kafka.port), 300),
      },
    },
    // x509-identity-mgmt v0.6.0: /healthcheck is 200 when MongoDB and EJBCA are (terminus); EJBCA's first boot takes minutes.
    'x509-identity-mgmt': {
      'x509-identity-mgmt': {
        readiness: ready(http('/healthcheck', api('x509IdentityMgmt'))),
        liveness: alive(tcp(api('x509IdentityMgmt'))),
        startup: starting(tcp(api('x509IdentityMgmt')), 600),
      },
    },
    'vernemq-k8s': { vernemq: { own: 'VerneMQ chart: /health on its HTTP listener' } },
    // The bridges wait for Kafka, then up to 180 s for x509-identity-mgmt to sign their certificates (ejbca_client.sh).
    'v2k-bridge': { 'v2k-bridge': lightship(300) },
    'k2v-bridge': { 'k2v-bridge': lightship(300) },
    // kafka-loopback (tools/kafka/loopback/bin/entrypoint.sh): no port, no health file, no pgrep; once it has
    // logged in and found its topics it runs kafkacat | jq | kafkacat, and ends when that breaks.
    'kafka-loopback': { 'kafka-loopback': single(running('kafkacat'), 120) },
    // Kong 2.2: /status on the admin port reports the database; the proxy's port shows nginx alive.
    kong: {
      kong: {
        readiness: ready(http('/status', api('kong', 'internal', 'admin'))),
        liveness: alive(tcp(api('kong', 'internal', 'proxy'))),
        startup: starting(tcp(api('kong', 'internal', 'proxy')), 120),
      },
    },
    // auth v0.6.0: no health route; GET /admin/tenants needs no token and reads PostgreSQL (webRoutes.py).
    auth: {
      auth: {
        readiness: ready(http('/admin/tenants', api('auth'))),
        liveness: alive(tcp(api('auth'))),
        startup: starting(tcp(api('auth')), 120),
      },
      redis: redis(6379),
    },
    // data-broker v0.6.0: /healthCheck exists once Kafka is up (404 before), behind the token decode.
    'data-broker': {
      'data-broker': {
        readiness: ready(http('/healthCheck', api('dataBroker'), WITH_TOKEN)),
        liveness: alive(tcp(api('dataBroker'))),
        startup: starting(tcp(api('dataBroker')), 120),
      },
    },
    'data-broker-redis': { 'data-broker-redis': redis(s('dataBroker').redis) },
    // device-manager v0.6.0: every request needs an Authorization header; /log answers without the database.
    'device-manager': { 'device-manager': single(http('/log', api('deviceManager'), WITH_TOKEN), 60) },
    'device-manager-redis': { 'device-manager-redis': redis(s('deviceManager').redis) },
    // image-manager v0.6.0: every route creates the token's tenant (schema, bucket): TCP only.
    'image-manager': { 'image-manager': single(tcp(api('imageManager')), 60) },
    // backstage v0.6.0: no health route; GraphQL's {__typename} needs neither auth nor a back end.
    backstage: {
      backstage: {
        readiness: ready(http('/graphql-auth/?query=%7B__typename%7D', api('backstage'))),
        liveness: alive(tcp(api('backstage'))),
        startup: starting(tcp(api('backstage')), 60),
      },
    },
    history: { history: single(http('/log', api('history'), WITH_TOKEN), 60) },
    // persister: its log server starts after MongoDB, auth and Kafka, so it is also readiness.
    persister: { persister: single(http('/persister/log', PERSISTER_LOG_PORT), 180) },
    // flowbroker v0.6.0 (orchestrator api.js): /log before the token decode, /healthCheck (MongoDB, Kafka) after.
    flowbroker: {
      flowbroker: {
        readiness: ready(http('/healthCheck', api('flowbroker'), WITH_TOKEN)),
        liveness: alive(http('/log', api('flowbroker'))),
        startup: starting(http('/log', api('flowbroker')), 180),
      },
      'flowbroker-redis': redis(6379),
      // contextManager/index.js: the ZeroMQ socket binds once Zookeeper is connected; /log at once.
      'flowbroker-context-manager': {
        readiness: ready(tcp('context-zmq')),
        liveness: alive(http('/log', 'context-http')),
        startup: starting(tcp('context-zmq'), 120),
      },
    },
    // data-manager v0.6.0: no health route; it compiles itself with babel at every start.
    'data-manager': { 'data-manager': single(tcp(api('dataManager')), 120) },
    // cron v0.6.0: every route, health included, is behind the token decode.
    cron: {
      cron: {
        readiness: ready(http('/cron/v1/healthCheck', api('cron'), WITH_TOKEN)),
        liveness: alive(http('/cron/v1/log', api('cron'), WITH_TOKEN)),
        startup: starting(http('/cron/v1/log', api('cron'), WITH_TOKEN), 120),
      },
    },
    // kafka2ftp: no server, no port; it exits on an unhandled error (app/Index.js). Its node process is all there is to see.
    kafka2ftp: { kafka2ftp: single(running('app/Index.js'), 60) },
    // With TLS, kafka-ws serves its health over HTTPS too (v0.6.0's probes said so).
    'kafka-ws': { 'kafka-ws': lightship(120, p.kafkaWs.tls ? 'HTTPS' : undefined) },
    'kafka-ws-redis': { 'kafka-ws-redis': redis(s('kafkaWs').redis) },
    'influxdb-storer': { 'influxdb-storer': lightship(120) },
    'influxdb-retriever': { 'influxdb-retriever': lightship(120) },
    // nginx serving static files.
    gui: { gui: single(http('/', api('gui', 'web')), 30) },
    'gui-v2': { 'gui-v2': single(http('/', api('guiV2', 'web')), 30) },
    // iotagent-mosca: initialConf.py retries x509-identity-mgmt every 30 s until it answers, then makes an RSA-4096 key.
    'iotagent-mosca': {
      'iotagent-mosca': {
        readiness: ready(http('/healthCheck', MOSCA_HEALTH_PORT)),
        liveness: alive(http('/healthCheck', MOSCA_HEALTH_PORT)),
        startup: starting(http('/healthCheck', MOSCA_HEALTH_PORT), 600),
      },
      redis: redis(6379),
    },
    // iotagent-leshan release/v0.6.0: its only TCP listener is the firmware file server, opened after bootstrap.
    'iotagent-lwm2m': { 'iotagent-lwm2m': single(tcp(target(portOf(s('iotagentLwm2m').lwm2m, 'http'))), 180) },
  };
}
