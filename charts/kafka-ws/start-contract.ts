import { hostPort } from '../../lib/contract';
import { safe, unsafe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { kafkaContract } from '../kafka/contract';

const ENTRYPOINT = 'subscription-engine/kafka-ws/bin/entryPoint.sh';
const INDEX = 'subscription-engine/kafka-ws/index.js';
/** Read through @dojot/microservice-sdk 0.1.11's ConfigManager (package-lock.json), prefix KAFKA_WS_. */
const CONF = 'subscription-engine/kafka-ws/config/default.conf';

/** Where the chart points kafka-ws at its certificates (v0.6.0's playbook's names, in the certificates volume). */
export const KAFKA_WS_CERTS = '/opt/kafka-ws/certs';

/**
 * dojot/dojot v0.6.0, `subscription-engine/kafka-ws`. `Dockerfile`: FROM node:12.18.4-alpine (with
 * bash, redis for redis-cli, tini), ENTRYPOINT `/sbin/tini --`, CMD `./bin/entryPoint.sh npm run
 * kafka-ws` (`package.json`: `node index.js`). `bin/entryPoint.sh` tries `nc -zv` on the first
 * broker of `KAFKA_WS_CONSUMER_METADATA_BROKER_LIST`, then `redis-cli -h KAFKA_WS_REDIS_HOST -p
 * KAFKA_WS_REDIS_PORT ping`, each `KAFKA_WS_APP_CONNECTION_RETRY_COUNT` times, and exits 1 when
 * either does not answer; its defaults are its own (Redis at `redis`, not default.conf's
 * `kafka-ws-redis`). `index.js` then has @dojot/microservice-sdk 0.1.11 (`lib/configManager`)
 * merge `config/default.conf` with every variable whose name contains `KAFKA_WS_` (`parsers/
 * EnvVars.js`: `KAFKA_WS_SERVER_PORT` is `server.port`, typed as default.conf types it) and write
 * it to `config/kafka_ws.json`, listens on `server.port` (HTTPS with `server.tls`, reading
 * `server.cert`, `server.key`, `server.ca`), and Lightship (lightship 6.2.1) serves /ready and
 * /live over plain HTTP on 9000. Kubernetes' service links of `kafka-ws` and `kafka-ws-redis`
 * (`KAFKA_WS_PORT`, `KAFKA_WS_REDIS_SERVICE_HOST`, ...) enter that configuration too, under keys
 * nothing reads, except `KAFKA_WS_REDIS_PORT`, which the link sets to `tcp://<ip>:<port>`.
 */
export const kafkaWsStart = (p: Profile): StartContract => {
  const tls = p.kafkaWs.tls;
  const kafka = kafkaContract(p).services.broker;
  const certificate = (name: string, file: string, image: string): StartVariable => ({
    name,
    source: `${CONF}, ${INDEX} (read only with server.tls)`,
    default: { value: image, safe: !tls },
    value: `${KAFKA_WS_CERTS}/${file}`,
  });
  return {
    runs: 'tini -- ./bin/entryPoint.sh npm run kafka-ws: node index.js',
    source: 'subscription-engine/kafka-ws/Dockerfile (ENTRYPOINT, CMD), bin/entryPoint.sh, package.json (scripts.kafka-ws)',
    env: [
      { name: 'DEBUG', source: ENTRYPOINT, default: safe('unset (no set -x)') },
      { name: 'KAFKA_WS_APP_CONNECTION_RETRY_COUNT', source: ENTRYPOINT, default: safe('5') },
      { name: 'KAFKA_WS_APP_CONNECTION_RETRY_TIMEOUT', source: ENTRYPOINT, default: safe('3') },
      // host:port (a list): held to the contract's, its connection by `peers`.
      {
        name: 'KAFKA_WS_CONSUMER_METADATA_BROKER_LIST',
        source: `${ENTRYPOINT}, ${CONF}`,
        default: unsafe('kafka:9092'),
        value: hostPort(kafka, 'kafka'),
      },
      { name: 'KAFKA_WS_CONSUMER_GROUP_ID', source: CONF, default: safe('kafka-ws') },
      {
        name: 'KAFKA_WS_REDIS_HOST',
        source: `${ENTRYPOINT} (default redis), ${CONF} (default kafka-ws-redis)`,
        default: unsafe('redis'),
        peer: { to: 'kafkaWs', service: 'redis', port: 'redis', part: 'host' },
      },
      // Unset, the service link of kafka-ws-redis gives it: redis-cli and node_redis get no port.
      {
        name: 'KAFKA_WS_REDIS_PORT',
        source: `${ENTRYPOINT}, ${CONF}`,
        default: unsafe("tcp://<ClusterIP>:<port> (Kubernetes' service link of kafka-ws-redis)"),
        peer: { to: 'kafkaWs', service: 'redis', port: 'redis', part: 'port' },
      },
      // Its Redis has no password (redis-server's default).
      { name: 'KAFKA_WS_REDIS_PASSWD', source: ENTRYPOINT, default: safe('') },
      { name: 'KAFKA_WS_REDIS_DB', source: CONF, default: safe('1') },
      { name: 'KAFKA_WS_APP_USER_CONFIG_FILE', source: INDEX, default: safe('production.conf (not in the image: none)') },
      { name: 'NODE_ENV', source: `${CONF} (app.node.env), app/App.js`, default: safe('production') },
      { name: 'KAFKA_WS_SERVER_HOST', source: CONF, default: safe('0.0.0.0') },
      { name: 'KAFKA_WS_SERVER_PORT', source: `${CONF}, ${INDEX}`, default: safe('8080'), listens: { service: 'api', port: 'http' } },
      { name: 'KAFKA_WS_SERVER_TLS', source: `${CONF}, ${INDEX}`, default: safe('false'), value: String(tls) },
      certificate('KAFKA_WS_SERVER_CA', 'ca.crt', '/opt/kafka-ws/certs/ca-cert.pem'),
      certificate('KAFKA_WS_SERVER_KEY', 'kafka-ws.key', '/opt/kafka-ws/certs/server-key.pem'),
      certificate('KAFKA_WS_SERVER_CERT', 'kafka-ws.crt', '/opt/kafka-ws/certs/server-cert.pem'),
      // default.conf writes `server.request.cert:boolean:false` (no '='): the SDK's parser reads it as false.
      { name: 'KAFKA_WS_SERVER_REQUEST_CERT', source: `${CONF}, ${INDEX}`, default: safe('false') },
      { name: 'KAFKA_WS_SERVER_REJECT_UNAUTHORIZED', source: `${CONF}, ${INDEX}`, default: safe('true') },
      // v0.6.0's well-known key of its tickets (app/services/TicketService.js, app/routes/AccessControlRouter.js):
      // it signs and checks only the tokens kafka-ws itself keeps in its own Redis, which no client supplies.
      { name: 'KAFKA_WS_TICKET_SECRET', source: `${CONF}, app/services/TicketService.js`, default: safe('0ed6004202bdd3ef04fb') },
      { name: 'KAFKA_WS_TICKET_EXPIRATION_SEC', source: CONF, default: safe('60') },
      { name: 'KAFKA_WS_LOG_CONSOLE_LEVEL', source: `${CONF}, ${INDEX}`, default: safe('info') },
      // Lightship on its default port 9000, where the probes look.
      { name: 'KAFKA_WS_LIGHTSHIP_DETECT_KUBERNETES', source: `${CONF}, app/StateManager.js`, default: safe('false') },
    ],
    files: tls
      ? ['ca.crt', 'kafka-ws.key', 'kafka-ws.crt'].map((f) => ({ path: `${KAFKA_WS_CERTS}/${f}`, source: `${INDEX} (server.tls)` }))
      : [],
    peers: [{ to: 'kafka', service: 'broker', port: 'kafka', source: `${ENTRYPOINT} (nc), app/Kafka/KafkaConsumer.js` }],
  };
};

/**
 * dojot/redis:6.0.4-alpine3.11, dojot's copy of the official redis:6.0.4-alpine3.11 (no source of
 * its own is published): docker-library/redis at 23af5b6a (2020-05-28, the only 6.0.4 on Alpine
 * 3.11), `6.0/alpine/Dockerfile`: ENTRYPOINT `docker-entrypoint.sh`, CMD `redis-server`, no
 * configuration file, so port 6379 (no variable names it) and no password; `6.0/alpine/docker-
 * entrypoint.sh` steps down to `redis` with su-exec only when started as root. It reads no
 * variable; `make install` puts `redis-cli` in /usr/local/bin.
 */
export const KAFKA_WS_REDIS_START: StartContract = {
  runs: 'docker-entrypoint.sh redis-server',
  source: 'docker-library/redis 23af5b6a 6.0/alpine/Dockerfile (ENTRYPOINT, CMD), 6.0/alpine/docker-entrypoint.sh',
  env: [],
  probeBinaries: [{ binary: 'redis-cli', source: 'docker-library/redis 23af5b6a 6.0/alpine/Dockerfile (make install, /usr/local/bin)' }],
};
