import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { influxdbStorerContract } from './contract';
import { InfluxdbStorerChart } from './influxdb-storer-chart';
import { influxdbStorerStart } from './start-contract';
import { lightship } from '../../lib/probes';

/** influxdb-storer: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const influxdbStorerComponent = component({
  name: 'influxdbStorer',
  chartId: 'influxdb-storer',
  role: 'worker',
  // "It will only be enabled if InfluxDB is enabled as well" (v0.6.0's services.yaml).
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbStorer,
  wave: 'services',
  contract: influxdbStorerContract,
  images: [dojotImage('influxdb-storer', 'node:12.18-alpine (dojot/dojot storage/time-series/influxdb/storer/Dockerfile)', [EOL.node12])],
  chart: (app, id, p, c: DojotChartProps<InfluxdbStorerChart['contracts']>) =>
    new InfluxdbStorerChart(app, id, {
      ...c,
      version: p.versions.influxdbStorer,
      logLevel: p.influxdb.storerLogLevel,
      influxdb: p.influxdb,
    }),
  health: () => ({
    'influxdb-storer': { 'influxdb-storer': lightship(120) },
  }),
  start: (p) => ({ 'influxdb-storer': { 'influxdb-storer': influxdbStorerStart(p) } }),
  security: {
    // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
    'influxdb-storer': {
      'influxdb-storer': {
        dropAll: false,
        reason: 'writes its merged configuration into a root-owned directory of the image at every start',
      },
    },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'influxdb', service: 'api', ports: ['http'] },
  ],
});
