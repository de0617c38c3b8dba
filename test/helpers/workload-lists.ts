/** The workloads the full flavours add beside the 100k's, as v0.6.0's roles named them: minio, rabbitmq, image-manager, backstage, device-manager, gui and gui-v2. */
export const FULL_PLATFORM_WORKLOADS: ReadonlyArray<[kind: string, name: string]> = [
  ['StatefulSet', 'minio'],
  ['Deployment', 'rabbitmq'],
  ['Deployment', 'image-manager'],
  ['Deployment', 'backstage'],
  ['Deployment', 'device-manager'],
  ['Deployment', 'device-manager-redis'],
  ['Deployment', 'gui'],
  ['Deployment', 'gui-v2'],
];

/** Their Services, one per workload, by the same names. */
export const FULL_PLATFORM_SERVICES = FULL_PLATFORM_WORKLOADS.map(([, name]) => name);

/** history, persister, influxdb and its storer and retriever, data-manager, cron and kafka2ftp. */
export const DATA_WORKLOADS: ReadonlyArray<[kind: string, name: string]> = [
  ['Deployment', 'history'],
  ['Deployment', 'persister'],
  ['StatefulSet', 'influxdb'],
  ['Deployment', 'influxdb-storer'],
  ['Deployment', 'influxdb-retriever'],
  ['Deployment', 'data-manager'],
  ['Deployment', 'cron'],
  ['Deployment', 'kafka2ftp'],
];

/** InfluxDB with its storer and retriever. */
export const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;
