import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** influxdb-retriever (optional): time series from InfluxDB, behind `/tss`. */
export function influxdbRetrieverContract(_p: Profile) {
  const api = {
    name: 'influxdb-retriever',
    selector: { name: 'influxdb-retriever', app: 'dojot' },
    ports: { http: { port: 3000, targetPort: 3000 } },
  };
  return {
    services: { api },
    routes: [
      { service: 'influxdb-retriever', upstream: serviceUrl(api, 'http', '/tss'), paths: ['/tss'], stripPath: true, authorized: true },
      {
        service: 'influxdb-retriever-api-docs',
        upstream: serviceUrl(api, 'http', '/tss/v1/api-docs'),
        paths: ['/tss/v1/api-docs'],
        stripPath: true,
      },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type InfluxdbRetrieverContract = ReturnType<typeof influxdbRetrieverContract>;
