import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { influxdbRetrieverContract } from './contract';
import { InfluxdbRetrieverChart } from './influxdb-retriever-chart';
import { influxdbRetrieverStart } from './start-contract';
import { lightship } from '../../lib/probes';

/** influxdb-retriever: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const influxdbRetrieverComponent = component({
  name: 'influxdbRetriever',
  chartId: 'influxdb-retriever',
  role: 'api',
  // "It will only be enabled if InfluxDB is enabled as well" (v0.6.0's services.yaml).
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbRetriever,
  wave: 'services',
  contract: influxdbRetrieverContract,
  images: [
    dojotImage('influxdb-retriever', 'node:12.18-alpine (dojot/dojot storage/time-series/influxdb/retriever/Dockerfile)', [EOL.node12]),
  ],
  chart: (app, id, p, c: DojotChartProps<InfluxdbRetrieverChart['contracts']>) =>
    new InfluxdbRetrieverChart(app, id, {
      ...c,
      version: p.versions.influxdbRetriever,
      logLevel: p.influxdb.retrieverLogLevel,
      influxdb: p.influxdb,
    }),
  health: () => ({
    'influxdb-retriever': { 'influxdb-retriever': lightship(120) },
  }),
  start: (p) => ({ 'influxdb-retriever': { 'influxdb-retriever': influxdbRetrieverStart(p) } }),
  security: {
    // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
    'influxdb-retriever': {
      'influxdb-retriever': {
        dropAll: false,
        reason: 'writes its merged configuration into a root-owned directory of the image at every start',
      },
    },
  },
  calls: [{ to: 'influxdb', service: 'api', ports: ['http'] }],
});
