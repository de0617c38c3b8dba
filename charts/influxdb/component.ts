import { influxdbSecrets } from './secret';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { influxdbContract } from './contract';
import { InfluxdbChart } from './influxdb-chart';
import { influxdbSetupStart, influxdbStart } from './start-contract';

/** influxdb: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const influxdbComponent = component({
  name: 'influxdb',
  chartId: 'influxdb',
  role: 'database',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb,
  wave: 'dataStores',
  // Its setup before the services that write to it.
  jobWaves: { 'influxdb-job': 'messaging' },
  contract: influxdbContract,
  images: [
    {
      image: 'quay.io/influxdb/influxdb:v2.0.2',
      runs: 'InfluxDB 2.0.2',
      endOfLife: [{ of: 'InfluxDB 2.0', source: 'https://github.com/influxdata/influxdb/releases' }],
    },
  ],
  secrets: influxdbSecrets,
  chart: (app, id, p, c: DojotChartProps<InfluxdbChart['contracts']>) => new InfluxdbChart(app, id, { ...c, influxdb: p.influxdb }),
  health: () => ({
    // InfluxDB v2.0.2: /health is 200 {"status":"pass"} (http/handler.go); its chart sets /ping, kept.
    influxdb: { influxdb: { own: 'InfluxDB chart: /ping startup, readiness and liveness' } },
  }),
  start: () => ({
    influxdb: { influxdb: influxdbStart },
    'influxdb-job': { 'influxdb-create-admin-user': influxdbSetupStart },
  }),
  security: {
    influxdb: {
      influxdb: {
        dropAll: false,
        reason: "InfluxDB 2.0.2 keeps its data under root's home (/root/.influxdbv2), where the volume is mounted",
      },
    },
    'influxdb-job': {
      'influxdb-create-admin-user': { dropAll: false, reason: "the influx CLI writes its configuration under root's home" },
    },
  },
  calls: [{ to: 'influxdb', service: 'api', ports: ['http'] }],
});
