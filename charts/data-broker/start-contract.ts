import { replicationFor } from '../kafka/kafka-chart';
import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { kafkaContract } from '../kafka/contract';

/** @dojot/dojot-module 0.1.1 (npm), the library data-broker, flowbroker and cron start their Kafka messenger with. */
export const DOJOT_MODULE_CONFIG = '@dojot/dojot-module 0.1.1 lib/config.js';

/**
 * The variables of @dojot/dojot-module 0.1.1 that data-broker reads through its `lib/config.js`
 * (its Messenger's default config). `Messenger.init()` (lib/messenger.js) connects a producer and
 * two consumers to `KAFKA_HOSTS` (5 tries, then the promise rejects), asks data-broker for the
 * tenancy topic (`lib/kafka/TopicManager.js`, GET `DATA_BROKER_URL`/topic/dojot.tenancy) and auth
 * for the tenants (`lib/auth.js`, GET `AUTH_URL`/admin/tenants, a token signed by nobody for
 * `DOJOT_MANAGEMENT_USER`@`DOJOT_MANAGEMENT_TENANT`).
 */
const dojotModuleVariables = (p: Profile): StartVariable[] => {
  const kafka = kafkaContract(p).services.broker;
  const auth = authContract(p).services.api;
  return [
    { name: 'KAFKA_HOSTS', source: DOJOT_MODULE_CONFIG, default: unsafe('kafka:9092'), value: hostPort(kafka, 'kafka') },
    // Its consumer of device-data shares its partitions with every service in the same group.
    { name: 'KAFKA_GROUP_ID', source: DOJOT_MODULE_CONFIG, default: unsafe('dojot-module (shared by every service left at it)') },
    { name: 'DOJOT_SUBSCRIPTION_HOLDOFF', source: DOJOT_MODULE_CONFIG, default: safe('2500') },
    // It asks itself for topics, through its own Service.
    {
      name: 'DATA_BROKER_URL',
      source: DOJOT_MODULE_CONFIG,
      default: safe('http://data-broker'),
      peer: { to: 'dataBroker', service: 'api', port: 'http', part: 'url' },
    },
    // A URL with a port: held to the contract's, its connection by `peers`.
    { name: 'AUTH_URL', source: DOJOT_MODULE_CONFIG, default: safe('http://auth:5000'), value: serviceUrl(auth, 'http') },
    // Read, never used: only Messenger.generateDeviceCreateEventForActiveDevices reads it, which data-broker never calls.
    { name: 'DEVICE_MANAGER_URL', source: DOJOT_MODULE_CONFIG, default: safe('http://device-manager:5000 (unused)') },
    { name: 'DOJOT_MANAGEMENT_USER', source: DOJOT_MODULE_CONFIG, default: safe('dojot-management') },
    { name: 'DOJOT_MANAGEMENT_TENANT', source: DOJOT_MODULE_CONFIG, default: safe('dojot-management') },
    { name: 'DOJOT_SUBJECT_TENANCY', source: DOJOT_MODULE_CONFIG, default: safe('dojot.tenancy') },
    { name: 'DOJOT_SUBJECT_DEVICES', source: DOJOT_MODULE_CONFIG, default: safe('dojot.device-manager.device') },
    { name: 'DOJOT_SUBJECT_DEVICE_DATA', source: DOJOT_MODULE_CONFIG, default: safe('device-data') },
  ];
};

const CONFIG = 'src/config.ts';

/**
 * dojot/data-broker v0.6.0. `docker/Dockerfile`: FROM node:10.16.3-alpine, ENTRYPOINT tini, CMD
 * `npm run subscription`, which `package.json` makes `node build/src/subscription-manager.js`.
 * `src/subscription-manager.ts` listens on `SERVICE_PORT` at once and starts the Kafka messenger
 * (@dojot/dojot-module 0.1.1 with its own config, above); when that fails it kills itself.
 * `src/config.ts` holds the rest: the topics it creates (`src/KafkaFactory.ts`,
 * @dojot/adminkafka 0.2.0 `lib/admin.js`, which resolves `DATABROKER_KAFKA_ADDRESS` to one
 * address) and the Redis its topics are kept in (`src/redisManager.ts`:
 * `redis.createClient({ host })`, node_redis's port 6379). It reads no file the image does not
 * ship (`src/lua/*.lua` are copied into build/ by `npm run build`).
 */
export const dataBrokerStart = (p: Profile): StartContract => ({
  runs: 'tini -- npm run subscription: node build/src/subscription-manager.js',
  source: 'docker/Dockerfile (ENTRYPOINT, CMD), package.json (scripts.subscription)',
  env: [
    { name: 'SERVICE_PORT', source: CONFIG, default: safe('80'), listens: { service: 'api', port: 'http' } },
    {
      name: 'DATABROKER_KAFKA_ADDRESS',
      source: `${CONFIG}, src/KafkaFactory.ts`,
      default: unsafe('kafka'),
      peer: { to: 'kafka', service: 'broker', port: 'kafka', part: 'host' },
    },
    {
      name: 'DATABROKER_KAFKA_PORT',
      source: `${CONFIG}, src/KafkaFactory.ts`,
      default: { value: '9092', safe: p.kafka.port === 9092 },
      peer: { to: 'kafka', service: 'broker', port: 'kafka', part: 'port' },
    },
    // One partition per bridge replica, so that each replica has one to consume (src/topicManager.ts creates the topics).
    {
      name: 'KAFKA_NUM_PARTITIONS',
      source: CONFIG,
      default: { value: '1', safe: p.bridges.replicas === 1 },
      value: String(p.bridges.replicas),
    },
    {
      name: 'KAFKA_REPLICATION_FACTOR',
      source: CONFIG,
      default: { value: '1', safe: p.kafka.clusterSize === 1 },
      value: String(replicationFor(p.kafka.clusterSize).factor),
    },
    {
      name: 'DATABROKER_CACHE_HOST',
      source: `${CONFIG}, src/redisManager.ts`,
      default: safe('data-broker-redis'),
      peer: { to: 'dataBroker', service: 'redis', port: 'redis', part: 'host' },
    },
    { name: 'HC_CPU_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
    { name: 'HC_KAFKA_TIMEOUT', source: CONFIG, default: safe('30000') },
    { name: 'HC_MEMORY_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
    { name: 'HC_UPTIME_TIMEOUT', source: CONFIG, default: safe('300000') },
    { name: 'LOG_LEVEL', source: CONFIG, default: safe('info') },
    ...dojotModuleVariables(p),
  ],
  peers: [
    // Host and port in one variable, which a peer variable cannot name.
    { to: 'kafka', service: 'broker', port: 'kafka', source: `${DOJOT_MODULE_CONFIG} (KAFKA_HOSTS)` },
    { to: 'auth', service: 'api', port: 'http', source: `${DOJOT_MODULE_CONFIG} (AUTH_URL), lib/auth.js` },
    // node_redis 2.8's default port: no variable names it.
    { to: 'dataBroker', service: 'redis', port: 'redis', source: 'src/redisManager.ts (redis.createClient({ host }))' },
  ],
});

/**
 * dojot/redis:5.0.5-alpine3.10, dojot's copy of the official redis:5.0.5-alpine3.10 (no source of
 * its own is published): docker-library/redis at 0b2910f (2019-08-01, the last 5.0.5 on Alpine
 * 3.10), `5.0/alpine/Dockerfile`: ENTRYPOINT `docker-entrypoint.sh`, CMD `redis-server`, no
 * configuration file; `5.0/alpine/docker-entrypoint.sh` steps down to `redis` with su-exec only
 * when started as root. It reads no variable; `make install` puts `redis-cli` in /usr/local/bin.
 */
export const DOJOT_REDIS_START: StartContract = {
  runs: 'docker-entrypoint.sh redis-server',
  source: 'docker-library/redis 0b2910f 5.0/alpine/Dockerfile (ENTRYPOINT, CMD), 5.0/alpine/docker-entrypoint.sh',
  env: [],
  probeBinaries: [{ binary: 'redis-cli', source: 'docker-library/redis 0b2910f 5.0/alpine/Dockerfile (make install, /usr/local/bin)' }],
};
