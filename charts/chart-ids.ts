import type { ComponentName } from './contracts';

/**
 * Each component's chart id: its output file's name, and the `app.kubernetes.io/name` label of
 * every pod it runs, by which the network policies name a service's clients.
 */
export const CHART_IDS: Readonly<Record<Exclude<ComponentName, 'metrics'>, string>> = {
  minio: 'minio',
  zookeeper: 'zookeeper',
  postgres: 'postgres',
  influxdb: 'influxdb',
  mongodb: 'mongodb',
  kafka: 'kafka',
  vernemq: 'vernemq',
  rabbitmq: 'rabbitmq',
  imageManager: 'image-manager',
  kong: 'kong',
  auth: 'auth',
  dataBroker: 'data-broker',
  backstage: 'backstage',
  deviceManager: 'device-manager',
  history: 'history',
  persister: 'persister',
  influxdbStorer: 'influxdb-storer',
  influxdbRetriever: 'influxdb-retriever',
  gui: 'gui',
  guiV2: 'gui-v2',
  iotagentMosca: 'iotagent-mosca',
  iotagentLwm2m: 'iotagent-lwm2m',
  flowbroker: 'flowbroker',
  dataManager: 'data-manager',
  cron: 'cron',
  v2kBridge: 'v2k-bridge',
  k2vBridge: 'k2v-bridge',
  kafka2ftp: 'kafka2ftp',
  kafkaLoopback: 'kafka-loopback',
  kafkaWs: 'kafka-ws',
  x509IdentityMgmt: 'x509-identity-mgmt',
};
