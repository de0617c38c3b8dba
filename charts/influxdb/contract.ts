import type { ComponentContract, LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

export const INFLUXDB_SELECTOR = { name: 'influxdb', app: 'dojot' } as const;

/** InfluxDB's data (`/root/.influxdbv2`). */
export const INFLUXDB_VOLUME = {
  pvName: 'local-pv-influxdb',
  group: 'dojot',
  directory: 'influxdb',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'dojot', db: 'influxdb' },
  persistence: (p) => p.influxdb.persistence,
} as const satisfies LocalVolume;

/** InfluxDB 2 (optional), the time series of influxdb-storer and influxdb-retriever. */
export function influxdbContract(p: Profile) {
  return {
    services: { api: { name: 'influxdb', selector: INFLUXDB_SELECTOR, ports: { http: { port: p.influxdb.port, targetPort: 'api' } } } },
    volumes: [INFLUXDB_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type InfluxdbContract = ReturnType<typeof influxdbContract>;
