import { LOAD_BALANCER_DEFAULTS } from './load-balancer';
import { brokerMemory } from './vernemq-sizing';
import { DEFAULT_RESOURCES } from './resources';
import type { Persistence, Profile, ProfileLayer } from './types';

/**
 * Fields whose default is the platform `version` (the original's `"{{ dojot_version }}"`):
 * filled after the layers are merged, so that a layer which changes `version` moves them too.
 */
export const VERSIONED_FIELDS = [
  'vernemq.version',
  'bridges.v2kVersion',
  'bridges.k2vVersion',
  'bridges.loopbackVersion',
  'apigw.version',
  'auth.version',
  'dataBroker.version',
  'kafkaWs.version',
  'x509IdentityMgmt.version',
  'guiV2.version',
  'versions.imageManager',
  'versions.deviceManager',
  'versions.flowbroker',
  'versions.flowbrokerContextManager',
  'versions.gui',
  'versions.history',
  'versions.persister',
  'versions.iotagentMosca',
  'versions.iotagentLwm2m',
  'versions.dataManager',
  'versions.kafka2ftp',
  'versions.influxdbStorer',
  'versions.influxdbRetriever',
] as const;

/** Fields that may be absent from a complete profile. */
export const OPTIONAL_FIELDS = ['storageClassName'] as const;

/** The repository's own defaults (the `default` preset), less the versioned fields. */
export const DEFAULTS: ProfileLayer = {
  flavour: 'vernemq',
  namespace: 'dojot',
  version: 'v0.6.0',
  domainName: 'localhost',
  clusterDomain: 'cluster.local',
  kubernetesRbac: true,
  nodePorts: {
    fixed: false,
    apigw: { http: 30001, https: 30002 },
    metrics: 30003,
    mqtt: 30004,
    mqtts: 30005,
    lwm2m: { coap: 30006, coaps: 30007, fileServer: 30008, fileServers: 30009, http: 30010 },
  },
  placement: {
    nodeAffinity: false,
    nodeLabels: { dojot: 'dojot', kafka: 'kafka', x509: 'x509', vernemq: 'vernemq' },
  },
  localVolumes: { enabled: true, hostRoot: '/mnt/data', hosts: { dojot: [], kafka: [], x509: [], vernemq: [] } },
  zookeeper: {
    clientPort: 2181,
    serverPort: 2888,
    electionPort: 3888,
    clusterSize: 1,
    persistence: { enabled: false, size: '1Gi' },
  },
  postgres: {
    version: '9.5.21-alpine',
    port: 5432,
    defaultDb: 'postgres',
    superUser: 'postgres',
    kong: { user: 'kong', db: 'kong' },
    ejbca: { user: 'ejbca', db: 'ejbca' },
    authUser: 'auth',
    devmUser: 'devm',
    persistence: { enabled: false, size: '2Gi' },
  },
  mongodb: { version: '3.2', port: 27017, superUser: 'mongodb', persistence: { enabled: false, size: '2Gi' } },
  kafka: { port: 9092, clusterSize: 1, persistence: { enabled: false, size: '2Gi' } },
  vernemq: {
    replicas: 1,
    // Its `enabled` follows the replicas (fillDerivedDefaults).
    persistence: { size: '5Gi' } as Persistence,
    insecureMqtt: true,
    // The limits v0.6.0 gave its brokers (VERNEMQ_CONF and VM_ARGS of the VerneMQ resource).
    maxConnections: 'infinity',
    maxOnlineMessages: 50000,
    maxOfflineMessages: 50000,
    maxInflightMessages: 100,
    processLimit: 256000,
    maxPorts: 262144,
    terminationGracePeriodSeconds: 3600,
  },
  bridges: { replicas: 1 },
  apigw: {
    httpPort: 8000,
    httpsPort: 8443,
    adminPort: 8001,
    mutualTls: false,
    routeConfigImage: 'curlimages/curl:7.76.1',
    persistence: { enabled: false, size: '5Mi' },
  },
  auth: { emailEnabled: false },
  dataBroker: {},
  kafkaWs: { port: 8080, redisPort: 6379, tls: false, persistence: { enabled: false, size: '5Mi' } },
  x509IdentityMgmt: { replicas: 1, persistence: { enabled: false, size: '10Mi' } },
  minio: { version: '2019.09.20', port: 9000, clusterSize: 1, persistence: { enabled: false, size: '2Gi' } },
  influxdb: {
    version: 'v2.0.2',
    port: 8086,
    organizationName: 'admin',
    bucket: 'devices',
    retention: '7d',
    persistence: { enabled: false, size: '2Gi' },
    storerLogLevel: 'info',
    retrieverLogLevel: 'info',
  },
  iotagentLwm2m: { fileServerHttpPort: 5896, fileServerHttpsPort: 30016 },
  guiV2: { enabled: true, image: 'dojot/gui-v2' },
  versions: { rabbitmq: '3.7-alpine' },
  optional: { influxdb: false, influxdbStorer: false, influxdbRetriever: false, history: true, persister: true },
  loadBalancer: structuredClone(LOAD_BALANCER_DEFAULTS) as ProfileLayer['loadBalancer'],
  metrics: {
    enabled: true,
    namespace: 'monitoring',
    release: 'kube-prometheus-stack',
    dashboardLabel: 'grafana_dashboard',
    scrapeInterval: '30s',
    rulesAs: 'helm-values',
  },
  images: { registry: '', digests: {} },
  locustExporter: { enabled: false, ip: '127.0.0.1', port: 9646 },
  argocd: {
    repoURL: '',
    targetRevision: 'HEAD',
    path: 'dist',
    name: 'dojot',
    namespace: 'argocd',
    project: 'default',
    destinationServer: 'https://kubernetes.default.svc',
    automated: true,
  },
  networkPolicies: { enabled: true },
  resources: structuredClone(DEFAULT_RESOURCES) as ProfileLayer['resources'],
  capacity: {
    machines: {
      dojot: { count: 0, cores: 0, memory: '0' },
      kafka: { count: 0, cores: 0, memory: '0' },
      x509: { count: 0, cores: 0, memory: '0' },
      vernemq: { count: 0, cores: 0, memory: '0' },
    },
    reservedPercent: 10,
    onExcess: 'refuse',
  },
};

/** Fields whose default derives from another field once the layers are merged. */
// biome-ignore lint/suspicious/noExplicitAny: a profile being merged, before it is checked to be one
export function fillDerivedDefaults(merged: Record<string, any>): void {
  for (const path of VERSIONED_FIELDS) {
    const [group, key] = path.split('.');
    merged[group] ??= {};
    merged[group][key] ??= merged.version;
  }
  merged.iotagentLwm2m ??= {};
  merged.iotagentLwm2m.fileServerAddress ??= merged.domainName;
  merged.auth ??= {};
  merged.auth.resetPasswordUrl ??= `http://${merged.domainName}/#/setPassword/`;
  merged.loadBalancer ??= {};
  merged.loadBalancer.address ??= merged.domainName;
  // A cluster of brokers keeps its metadata on volumes (README, VerneMQ's state) where the profile
  // names a storage class to claim them from; a lone broker needs none (synth notes a cluster without).
  merged.vernemq ??= {};
  merged.vernemq.persistence ??= {};
  merged.vernemq.persistence.enabled ??= (merged.vernemq.replicas ?? 1) >= 2 && merged.storageClassName !== undefined;
  // A broker's memory follows its share of the devices, unless the profile sets it.
  const broker = brokerMemory({
    expectedDevices: merged.loadBalancer.expectedDevices ?? LOAD_BALANCER_DEFAULTS.expectedDevices,
    brokers: merged.vernemq?.replicas,
    bridges: merged.bridges?.replicas,
    maxOnlineMessages: merged.vernemq?.maxOnlineMessages,
  });
  merged.resources ??= {};
  merged.resources['vernemq-k8s'] ??= {};
  merged.resources['vernemq-k8s'].vernemq ??= {};
  merged.resources['vernemq-k8s'].vernemq.memory ??= broker.memory;
  merged.resources['vernemq-k8s'].vernemq.memoryLimit ??= broker.memoryLimit;
}

/** A complete profile of the defaults alone: the reference shape for known keys and types. */
export function referenceProfile(): Profile {
  // biome-ignore lint/suspicious/noExplicitAny: a profile being merged, before it is checked to be one
  const copy = structuredClone(DEFAULTS) as Record<string, any>;
  fillDerivedDefaults(copy);
  return copy as Profile;
}
