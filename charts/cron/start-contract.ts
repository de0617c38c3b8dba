import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { kafkaContract } from '../kafka/contract';
import { mongodbContract } from '../mongodb/contract';

const CONFIG = 'config.js';

/**
 * dojot/cron v0.6.0. `Dockerfile`: FROM node:8.14.0-alpine, ENTRYPOINT tini, CMD `node
 * server.js`. `server.js` starts `cron.js` `CronManager.init()`: the Kafka messenger
 * (@dojot/dojot-module 0.1.1, given `config.kafkaMessenger`: data-broker's topics, auth's
 * tenants), the broker jobs' handler (`broker.js`), MongoDB (`db.js`), each tenant's jobs; then
 * `api.js` listens on 5000, written there (`app.listen(5000)`); when init fails it kills
 * itself. `config.js` reads every variable when loaded. Its HTTP jobs (`http.js`) call only the
 * base URLs `HTTP_ALLOWED_BASE_URLS` allows (`api.js`), device-manager's by default.
 */
export const cronStart = (p: Profile): StartContract => {
  const kafka = kafkaContract(p).services.broker;
  const mongodb = mongodbContract(p).services.db;
  return {
    runs: 'tini -- node server.js',
    source: 'Dockerfile (ENTRYPOINT, CMD)',
    env: [
      // config.kafkaMessenger, given to @dojot/dojot-module 0.1.1's Messenger (cron.js).
      { name: 'KAFKA_HOSTS', source: CONFIG, default: unsafe('kafka:9092'), value: hostPort(kafka, 'kafka') },
      { name: 'KAFKA_GROUP_ID', source: CONFIG, default: safe('dojot-cron') },
      { name: 'DOJOT_SUBSCRIPTION_HOLDOFF', source: CONFIG, default: safe('2500') },
      {
        name: 'DATA_BROKER_URL',
        source: `${CONFIG}, @dojot/dojot-module 0.1.1 lib/kafka/TopicManager.js`,
        default: safe('http://data-broker'),
        value: serviceUrl(dataBrokerContract(p).services.api, 'http'),
      },
      {
        name: 'AUTH_URL',
        source: `${CONFIG}, @dojot/dojot-module 0.1.1 lib/auth.js`,
        default: safe('http://auth:5000'),
        value: serviceUrl(authContract(p).services.api, 'http'),
      },
      // Read, never used: only Messenger.generateDeviceCreateEventForActiveDevices reads it, which cron never calls.
      { name: 'DEVICE_MANAGER_URL', source: CONFIG, default: safe('http://device-manager:5000 (unused)') },
      { name: 'DOJOT_MANAGEMENT_USER', source: CONFIG, default: safe('dojot-management') },
      { name: 'DOJOT_MANAGEMENT_TENANT', source: CONFIG, default: safe('dojot-management') },
      { name: 'DOJOT_SUBJECT_TENANCY', source: CONFIG, default: safe('dojot.tenancy') },
      { name: 'DOJOT_SUBJECT_DEVICES', source: CONFIG, default: safe('dojot.device-manager.device') },
      { name: 'DOJOT_SUBJECT_DEVICE_DATA', source: CONFIG, default: safe('device-data') },
      // Lists by default; api.js and broker.js iterate (`for...of`) or search them, so a variable's string breaks them: keep them unset.
      { name: 'HTTP_ALLOWED_BASE_URLS', source: `${CONFIG}, api.js`, default: safe("['http://device-manager:5000']") },
      { name: 'BROKER_ALLOWED_SUBJECTS', source: `${CONFIG}, broker.js`, default: safe("['dojot.device-manager.device', 'device-data']") },
      {
        name: 'MONGO_URL',
        source: `${CONFIG}, db.js`,
        default: { value: 'mongodb://mongodb:27017', safe: p.mongodb.port === 27017 },
        value: `mongodb://${hostPort(mongodb, 'mongo')}`,
      },
      { name: 'REPLICA_SET', source: CONFIG, default: safe('none (a single server)') },
      { name: 'HC_UPTIME_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MEMORY_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_CPU_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MONGODB_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'HC_KAFKA_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'LOG_LEVEL', source: `${CONFIG}, server.js`, default: safe('info') },
    ],
    // Each a URL or host:port in one variable, which a peer variable cannot name.
    peers: [
      { to: 'kafka', service: 'broker', port: 'kafka', source: `${CONFIG} (KAFKA_HOSTS)` },
      {
        to: 'dataBroker',
        service: 'api',
        port: 'http',
        source: `${CONFIG} (DATA_BROKER_URL), @dojot/dojot-module 0.1.1 lib/kafka/TopicManager.js`,
      },
      { to: 'auth', service: 'api', port: 'http', source: `${CONFIG} (AUTH_URL), @dojot/dojot-module 0.1.1 lib/auth.js` },
      { to: 'mongodb', service: 'db', port: 'mongo', source: `${CONFIG} (MONGO_URL), db.js` },
      // The only base URL its HTTP jobs may call (HTTP_ALLOWED_BASE_URLS' default), when a job runs.
      { to: 'deviceManager', service: 'api', port: 'http', source: `${CONFIG} (HTTP_ALLOWED_BASE_URLS), api.js, http.js` },
    ],
  };
};
