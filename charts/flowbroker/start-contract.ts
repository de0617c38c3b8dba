import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { deviceManagerContract } from '../device-manager/contract';
import { kafkaContract } from '../kafka/contract';
import { mongodbContract } from '../mongodb/contract';
import { rabbitmqContract } from '../rabbitmq/contract';
import { CONTEXT_HTTP_PORT, CONTEXT_ZMQ_PORT } from './flowbroker-chart';

const CONFIG = 'orchestrator/config.js';
/** What the kubelet puts in every container: the API server's Service (with or without service links). */
const KUBELET = "the API server's, which the kubelet sets in every container";

/**
 * dojot/flowbroker v0.6.0, the orchestrator. `orchestrator.docker`: FROM node:8.14.0-alpine,
 * ENTRYPOINT tini, CMD `node src/index.js -s` (the daemon). `orchestrator/index.js` connects its
 * context manager client (`lib/ContextManagerClient.js`, ZeroMQ dealer to
 * `CONTEXT_MANAGER_ADDRESS`:`CONTEXT_MANAGER_PORT`), one executor per task queue
 * (`AMQP_TASK_QUEUE_N`) on RabbitMQ (`orchestrator/executor.js`, `amqp.js`), then the Kafka messenger (@dojot/dojot-module 0.1.1,
 * given `config.kafkaMessenger`: data-broker's topics, auth's tenants), MongoDB
 * (`orchestrator/mongodb.js`), and `orchestrator/ingestor.js`, which fills its device cache from
 * device-manager (`orchestrator/DeviceCache.js`, `DEVICE_MANAGER_HOST`) in its Redis
 * (`orchestrator/redisManager.js`: ioredis, port 6379 written there) and reloads each tenant's
 * flow nodes (`orchestrator/nodeManager.js`): kubernetes-client 8.3.6 `loadFromDefault()` (in
 * the cluster: `KUBERNETES_SERVICE_HOST`/`_PORT` and the ServiceAccount's files) and, when
 * `KUBERNETES_TOKEN` is empty, /var/run/secrets/kubernetes.io/serviceaccount/token
 * (`orchestrator/nodes/kubernetesRemoteNode/index.js`): the pod must mount its ServiceAccount's
 * token. `orchestrator/api.js` listens on 80, written there. Variables named `kafka_producer_*`
 * and `kafka_consumer_*` (any case) are added to the Kafka settings (config.js
 * `_setKafkaConfiguration`); none is needed.
 */
export const flowbrokerStart = (p: Profile): StartContract => {
  const kafka = kafkaContract(p).services.broker;
  const mongodb = mongodbContract(p).services.db;
  const deviceManager = serviceUrl(deviceManagerContract(p).services.api, 'http');
  return {
    runs: 'tini -- node src/index.js -s',
    source: 'orchestrator.docker (ENTRYPOINT, CMD)',
    env: [
      // Its Redis is a container of its pod: no Service has the default's name.
      {
        name: 'FLOWBROKER_CACHE_HOST',
        source: `${CONFIG}, orchestrator/redisManager.js`,
        default: unsafe('flowbroker-redis'),
        value: 'localhost',
      },
      // A URL despite its name: DeviceCache.js appends /device to it.
      {
        name: 'DEVICE_MANAGER_HOST',
        source: `${CONFIG}, orchestrator/DeviceCache.js`,
        default: safe('http://device-manager:5000'),
        value: deviceManager,
      },
      {
        name: 'MONGO_URL',
        source: `${CONFIG}, orchestrator/mongodb.js`,
        default: { value: 'mongodb://mongodb:27017', safe: p.mongodb.port === 27017 },
        value: serviceUrl(mongodb, 'mongo', '', 'mongodb'),
      },
      { name: 'REPLICA_SET', source: CONFIG, default: safe('none (a single server)') },
      // Both config.dataBroker.url (default http://data-broker:80) and config.kafkaMessenger.databroker.url (http://data-broker).
      {
        name: 'DATA_BROKER_URL',
        source: CONFIG,
        default: safe('http://data-broker:80'),
        value: serviceUrl(dataBrokerContract(p).services.api, 'http'),
      },
      {
        name: 'AMQP_URL',
        source: `${CONFIG}, orchestrator/amqp.js`,
        default: safe('amqp://rabbitmq'),
        value: serviceUrl(rabbitmqContract(p).services.amqp, 'amqp', '', 'amqp'),
      },
      { name: 'AMQP_PREFIX_TASK_QUEUE', source: CONFIG, default: safe('task_queue') },
      { name: 'AMQP_TASK_QUEUE_N', source: CONFIG, default: safe('10') },
      { name: 'AMQP_PREFIX_EVENT_QUEUE', source: CONFIG, default: safe('event_queue') },
      { name: 'AMQP_EVENT_QUEUE_N', source: CONFIG, default: safe('10') },
      { name: 'DEPLOY_ENGINE', source: `${CONFIG}, orchestrator/nodeManager.js`, default: safe('kubernetes'), value: 'kubernetes' },
      // config.deploy.kubernetes.url, which kubernetesRemoteNode/index.js only logs.
      { name: 'KUBERNETES_SERVICE_HOST', source: CONFIG, default: safe(KUBELET) },
      { name: 'KUBERNETES_PORT_443_TCP_PORT', source: CONFIG, default: safe(KUBELET) },
      {
        name: 'KUBERNETES_TOKEN',
        source: `${CONFIG}, orchestrator/nodes/kubernetesRemoteNode/index.js`,
        default: safe("'': the ServiceAccount's token file, which automountServiceAccountToken mounts"),
      },
      { name: 'DOCKER_SOCKET_PATH', source: CONFIG, default: safe('/var/run/docker.sock (docker engine only)') },
      { name: 'FLOWBROKER_NETWORK', source: CONFIG, default: safe('dojot (docker engine only)') },
      // Its context manager is a container of its pod (the default, the Service of that name, selects the pod too).
      {
        name: 'CONTEXT_MANAGER_ADDRESS',
        source: `${CONFIG}, orchestrator/index.js`,
        default: safe('flowbroker-context-manager'),
        value: 'localhost',
      },
      { name: 'CONTEXT_MANAGER_PORT', source: `${CONFIG}, orchestrator/index.js`, default: safe('5556'), value: String(CONTEXT_ZMQ_PORT) },
      { name: 'CONTEXT_MANAGER_RESPONSE_TIMEOUT', source: CONFIG, default: safe('10000') },
      // config.kafkaMessenger, given to @dojot/dojot-module 0.1.1's Messenger.
      { name: 'KAFKA_HOSTS', source: CONFIG, default: unsafe('kafka:9092'), value: hostPort(kafka, 'kafka') },
      { name: 'KAFKA_GROUP_ID', source: CONFIG, default: safe('flowbroker') },
      { name: 'DOJOT_SUBSCRIPTION_HOLDOFF', source: CONFIG, default: safe('2500') },
      { name: 'AUTH_URL', source: CONFIG, default: safe('http://auth:5000'), value: serviceUrl(authContract(p).services.api, 'http') },
      // Read, never used: only Messenger.generateDeviceCreateEventForActiveDevices reads it, which flowbroker never calls.
      { name: 'DEVICE_MANAGER_URL', source: CONFIG, default: safe('http://device-manager:5000 (unused)') },
      { name: 'DOJOT_MANAGEMENT_USER', source: CONFIG, default: safe('dojot-management') },
      { name: 'DOJOT_MANAGEMENT_TENANT', source: CONFIG, default: safe('dojot-management') },
      { name: 'DOJOT_SERVICE_MANAGEMENT', source: CONFIG, default: safe('dojot-management') },
      { name: 'DOJOT_SUBJECT_TENANCY', source: CONFIG, default: safe('dojot.tenancy') },
      { name: 'DOJOT_SUBJECT_DEVICES', source: CONFIG, default: safe('dojot.device-manager.device') },
      { name: 'DOJOT_SUBJECT_DEVICE_DATA', source: CONFIG, default: safe('device-data') },
      { name: 'DOJOT_SUBJECT_NOTIFICATIONS', source: CONFIG, default: safe('dojot.notifications') },
      { name: 'DOJOT_SUBJECT_FTP', source: CONFIG, default: safe('dojot.ftp') },
      { name: 'HC_UPTIME_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MEMORY_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_CPU_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MONGODB_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'HC_KAFKA_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'TASK_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'WORKERS', source: CONFIG, default: safe('1') },
      { name: 'LOG_LEVEL', source: `${CONFIG}, orchestrator/index.js`, default: safe('info') },
    ],
    // Each a URL or host:port in one variable, which a peer variable cannot name.
    peers: [
      { to: 'kafka', service: 'broker', port: 'kafka', source: `${CONFIG} (KAFKA_HOSTS)` },
      { to: 'mongodb', service: 'db', port: 'mongo', source: `${CONFIG} (MONGO_URL), orchestrator/mongodb.js` },
      { to: 'rabbitmq', service: 'amqp', port: 'amqp', source: `${CONFIG} (AMQP_URL), orchestrator/amqp.js` },
      {
        to: 'dataBroker',
        service: 'api',
        port: 'http',
        source: `${CONFIG} (DATA_BROKER_URL), @dojot/dojot-module 0.1.1 lib/kafka/TopicManager.js`,
      },
      { to: 'auth', service: 'api', port: 'http', source: `${CONFIG} (AUTH_URL), @dojot/dojot-module 0.1.1 lib/auth.js` },
      { to: 'deviceManager', service: 'api', port: 'http', source: `${CONFIG} (DEVICE_MANAGER_HOST), orchestrator/DeviceCache.js` },
      // Written in the nodes, reached when a flow's cron node runs.
      {
        to: 'cron',
        service: 'api',
        port: 'http',
        source: 'orchestrator/nodes/cron/cron.js, nodes/cron-batch/cron-batch.js (http://cron:5000)',
      },
    ],
  };
};

const CONTEXT = 'contextManager/index.js';

/**
 * dojot/flowbroker-context-manager v0.6.0, from dojot/flowbroker v0.6.0. `contextManager.docker`:
 * FROM node:8.14.0-alpine, ENTRYPOINT tini, CMD `node src/index.js`. `contextManager/index.js`
 * reads its variables at the end of the file, listens for HTTP (the logger's /log) on
 * `SERVICE_PORT`, connects to Zookeeper (node zookeeper 3.4.9-3, `host:port`), kills itself
 * when that fails, and binds its ZeroMQ router on `ZEROMQ_PORT` once the lock's root znode is
 * made (`contextManager/ZookeeperRWLock.js`, `init('context-manager')`).
 */
export const contextManagerStart = (p: Profile): StartContract => ({
  runs: 'tini -- node src/index.js',
  source: 'contextManager.docker (ENTRYPOINT, CMD)',
  env: [
    {
      name: 'ZOOKEEPER_HOST',
      source: CONTEXT,
      default: unsafe('zookeeper'),
      peer: { to: 'zookeeper', service: 'client', port: 'client', part: 'host' },
    },
    {
      name: 'ZOOKEEPER_PORT',
      source: CONTEXT,
      default: { value: '2181', safe: p.zookeeper.clientPort === 2181 },
      peer: { to: 'zookeeper', service: 'client', port: 'client', part: 'port' },
    },
    // Its default, 80, is the orchestrator's port in the same pod. No Service has this port: the container port context-http.
    { name: 'SERVICE_PORT', source: CONTEXT, default: unsafe('80'), value: String(CONTEXT_HTTP_PORT) },
    // The container port context-zmq, which the Service flowbroker-context-manager targets by name.
    { name: 'ZEROMQ_PORT', source: CONTEXT, default: safe('5556'), value: String(CONTEXT_ZMQ_PORT) },
    { name: 'HOLD_LOCK_TIMEOUT', source: CONTEXT, default: safe('10000') },
    { name: 'WAIT_LOCK_TIMEOUT', source: CONTEXT, default: safe('30000') },
    { name: 'LOG_LEVEL', source: CONTEXT, default: safe('info') },
  ],
});
