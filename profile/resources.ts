/**
 * What each container asks of its node: CPU and memory requests (what the scheduler reserves)
 * and a memory limit (above it the container is OOM-killed instead of starving its neighbours).
 * No CPU limit: throttling a broker under load costs more than it protects.
 */
export interface ContainerResources {
  /** CPU request, a quantity such as `250m` or `2`. */
  readonly cpu: string;
  /** Memory request, a quantity such as `256Mi`. */
  readonly memory: string;
  /** Memory limit, at least the request. */
  readonly memoryLimit: string;
}

/**
 * The bounds of a container's CPU and memory whatever the machines (profile/validate-capacity.ts;
 * with `capacity.machines` known, the requests are also checked against them). No node a dojot
 * runs on has more than 1,024 cores or 4 TiB: a value above is a slip (`2000` for `2000m`), and
 * Kubernetes allows no CPU finer than 1m (Kubernetes docs, Resource Management for Pods and
 * Containers, "CPU resource units").
 */
export const CONTAINER_BOUNDS = { minCpuCores: 0.001, maxCpuCores: 1024, maxMemoryBytes: 4 * 2 ** 40 } as const;

/** Per workload (Deployment, StatefulSet or Job name), per container name. */
export type ResourceTable = { readonly [workload: string]: { readonly [container: string]: ContainerResources } };

const r = (cpu: string, memory: string, memoryLimit: string): ContainerResources => ({ cpu, memory, memoryLimit });

// Classes of container, sized from what each runs (the runtimes are named in the README's sizing notes).
const REDIS = r('50m', '32Mi', '128Mi');
/** A Node.js or Python service of dojot, idle most of the time. */
const SERVICE = r('100m', '128Mi', '256Mi');
/** A small Python or Node.js worker. */
const WORKER = r('50m', '96Mi', '256Mi');
/** A short-lived Job step (database migration). */
const MIGRATION = r('100m', '128Mi', '256Mi');

/**
 * Every workload's containers with their defaults. A profile's `resources` changes any of them;
 * a workload or container not listed here is refused by the profile's validation.
 */
export const DEFAULT_RESOURCES = {
  // Data stores.
  postgres: { postgres: r('250m', '256Mi', '1Gi') },
  // mongod 3.2 sizes its WiredTiger cache from the host's memory, not the container's, hence the room.
  mongodb: { mongodb: r('250m', '384Mi', '2Gi') },
  minio: { minio: r('100m', '256Mi', '512Mi') },
  rabbitmq: { rabbitmq: r('100m', '128Mi', '512Mi') },
  influxdb: { influxdb: r('250m', '256Mi', '1Gi') },
  'influxdb-job': { 'influxdb-create-admin-user': r('50m', '64Mi', '128Mi') },
  // JVMs: Zookeeper's 512 MiB and Kafka's 1 GiB default heaps (the start scripts' KAFKA_HEAP_OPTS), plus what is off the heap.
  zookeeper: { zookeeper: r('250m', '640Mi', '1Gi') },
  'kafka-server': { kafka: r('1', '1536Mi', '2Gi') },
  // EJBCA on WildFly, with the dojot service beside it.
  'x509-identity-mgmt': { 'x509-identity-mgmt': r('1', '1536Mi', '2560Mi') },
  // MQTT. The brokers' memory follows their sessions (profile/vernemq-sizing.ts, filled in by
  // profile/defaults.ts); their CPU is here.
  'vernemq-k8s': { vernemq: { cpu: '1' } },
  'v2k-bridge': { 'v2k-bridge': r('250m', '192Mi', '512Mi') },
  'k2v-bridge': { 'k2v-bridge': r('250m', '192Mi', '512Mi') },
  'kafka-loopback': { 'kafka-loopback': r('100m', '128Mi', '256Mi') },
  'iotagent-mosca': { 'iotagent-mosca': SERVICE, redis: REDIS },
  'iotagent-lwm2m': { 'iotagent-lwm2m': r('250m', '384Mi', '768Mi') },
  // API gateway.
  kong: { kong: r('200m', '256Mi', '512Mi'), 'discard-pepkong-log': r('10m', '16Mi', '32Mi') },
  'kong-migrate': { 'kong-migrate': MIGRATION },
  'kong-migrate-up': { 'kong-migrate-up': MIGRATION },
  'kong-route-config': { 'kong-route-config': r('10m', '16Mi', '64Mi') },
  // dojot services.
  auth: { auth: SERVICE, redis: REDIS },
  'data-broker': { 'data-broker': SERVICE },
  'data-broker-redis': { 'data-broker-redis': REDIS },
  'device-manager': { 'device-manager': SERVICE },
  'device-manager-redis': { 'device-manager-redis': REDIS },
  'image-manager': { 'image-manager': WORKER },
  backstage: { backstage: SERVICE },
  history: { history: WORKER },
  persister: { persister: SERVICE },
  flowbroker: {
    flowbroker: r('200m', '192Mi', '512Mi'),
    'flowbroker-redis': REDIS,
    'flowbroker-context-manager': r('50m', '64Mi', '128Mi'),
  },
  'data-manager': { 'data-manager': WORKER },
  cron: { cron: WORKER },
  kafka2ftp: { kafka2ftp: WORKER },
  'kafka-ws': { 'kafka-ws': SERVICE },
  'kafka-ws-redis': { 'kafka-ws-redis': REDIS },
  'influxdb-storer': { 'influxdb-storer': SERVICE },
  'influxdb-retriever': { 'influxdb-retriever': SERVICE },
  // Static files behind nginx.
  gui: { gui: r('10m', '16Mi', '64Mi') },
  'gui-v2': { 'gui-v2': r('10m', '16Mi', '64Mi') },
} as const satisfies { readonly [workload: string]: { readonly [container: string]: Partial<ContainerResources> } };

export type WorkloadName = keyof typeof DEFAULT_RESOURCES;
