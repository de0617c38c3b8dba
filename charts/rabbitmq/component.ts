import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { rabbitmqContract } from './contract';
import { RabbitmqChart } from './rabbitmq-chart';

/** rabbitmq: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const rabbitmqComponent = component({
  name: 'rabbitmq',
  chartId: 'rabbitmq',
  role: 'message-queue',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: rabbitmqContract,
  chart: (app, id, p, c: DojotChartProps<RabbitmqChart['contracts']>) => new RabbitmqChart(app, id, { ...c, version: p.versions.rabbitmq }),
});
