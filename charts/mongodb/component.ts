import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { mongodbContract } from './contract';
import { MongodbChart } from './mongodb-chart';

/** mongodb: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const mongodbComponent = component({
  name: 'mongodb',
  chartId: 'mongodb',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: mongodbContract,
  chart: (app, id, p, c: DojotChartProps<MongodbChart['contracts']>) => new MongodbChart(app, id, { ...c, mongodb: p.mongodb }),
});
