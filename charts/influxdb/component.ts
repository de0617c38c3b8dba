import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { influxdbContract } from './contract';
import { InfluxdbChart } from './influxdb-chart';

/** influxdb: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const influxdbComponent = component({
  name: 'influxdb',
  chartId: 'influxdb',
  role: 'database',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb,
  wave: 'dataStores',
  contract: influxdbContract,
  chart: (app, id, p, c: DojotChartProps<InfluxdbChart['contracts']>) => new InfluxdbChart(app, id, { ...c, influxdb: p.influxdb }),
  calls: [{ to: 'influxdb', service: 'api', ports: ['http'] }],
});
