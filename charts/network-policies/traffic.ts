import type { ComponentName } from '../contracts';

/**
 * Who connects to whom inside the namespace, by component, Service and port role of the
 * server's contract. Read from each client's source at v0.6.0 (its environment variables and the
 * dojot libraries it uses; `README.md`, Security, names the sources). Kong's calls to the
 * services it routes to are not here: they follow from the routes in the contracts.
 */
export interface Connection {
  readonly to: ComponentName;
  readonly service: string;
  readonly ports: readonly string[];
  readonly from: readonly ComponentName[];
}

/** The dojot-module libraries (Python, Node.js, Java) ask auth for tenants and data-broker for topics at start. */
const DOJOT_MODULE_USERS: ComponentName[] = ['auth', 'dataBroker', 'persister', 'flowbroker', 'cron', 'iotagentMosca', 'iotagentLwm2m'];

export const CONNECTIONS: readonly Connection[] = [
  {
    to: 'kafka',
    service: 'broker',
    ports: ['kafka'],
    from: [
      ...DOJOT_MODULE_USERS,
      'deviceManager',
      'kafkaWs',
      'v2kBridge',
      'k2vBridge',
      'kafkaLoopback',
      'kafka2ftp',
      'influxdbStorer',
      'kafka',
    ],
  },
  { to: 'zookeeper', service: 'client', ports: ['client'], from: ['kafka', 'flowbroker'] },
  { to: 'zookeeper', service: 'cluster', ports: ['server', 'election'], from: ['zookeeper'] },
  {
    to: 'postgres',
    service: 'db',
    ports: ['sql'],
    from: ['auth', 'deviceManager', 'imageManager', 'backstage', 'kong', 'x509IdentityMgmt'],
  },
  { to: 'mongodb', service: 'db', ports: ['mongo'], from: ['history', 'persister', 'flowbroker', 'cron', 'x509IdentityMgmt'] },
  { to: 'influxdb', service: 'api', ports: ['http'], from: ['influxdbStorer', 'influxdbRetriever', 'influxdb'] },
  { to: 'minio', service: 's3', ports: ['s3'], from: ['imageManager'] },
  { to: 'rabbitmq', service: 'amqp', ports: ['amqp'], from: ['flowbroker'] },
  { to: 'dataBroker', service: 'redis', ports: ['redis'], from: ['dataBroker'] },
  { to: 'kafkaWs', service: 'redis', ports: ['redis'], from: ['kafkaWs'] },
  // device-manager-redis: no client reads it (device-manager v0.6.0 has no Redis code): nothing is allowed in.
  {
    to: 'auth',
    service: 'api',
    ports: ['http'],
    from: [...DOJOT_MODULE_USERS.filter((c) => c !== 'auth'), 'backstage', 'kafkaLoopback', 'kong'],
  },
  // data-broker asks itself for topics, through its own Service.
  { to: 'dataBroker', service: 'api', ports: ['http'], from: [...DOJOT_MODULE_USERS, 'deviceManager', 'kafkaLoopback'] },
  {
    to: 'deviceManager',
    service: 'api',
    ports: ['http'],
    from: ['history', 'flowbroker', 'cron', 'dataManager', 'iotagentMosca', 'iotagentLwm2m'],
  },
  { to: 'imageManager', service: 'api', ports: ['http'], from: ['iotagentLwm2m'] },
  { to: 'flowbroker', service: 'api', ports: ['http'], from: ['dataManager'] },
  // flowbroker's cron flow nodes call cron directly (nodes/cron/cron.js).
  { to: 'cron', service: 'api', ports: ['http'], from: ['flowbroker', 'dataManager'] },
  // Certificates: the brokers, the bridges and mosca sign theirs at start.
  { to: 'x509IdentityMgmt', service: 'api', ports: ['http'], from: ['vernemq', 'v2kBridge', 'k2vBridge', 'iotagentMosca'] },
  { to: 'vernemq', service: 'internal', ports: ['mqtt', 'mqtts'], from: ['v2kBridge', 'k2vBridge'] },
  { to: 'vernemq', service: 'cluster', ports: ['epmd', 'clustering'], from: ['vernemq'] },
  // backstage is the only service that goes through Kong's proxy.
  { to: 'kong', service: 'internal', ports: ['proxy'], from: ['backstage'] },
];
