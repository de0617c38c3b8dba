import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { dataBrokerContract } from './contract';
import { DataBrokerChart } from './data-broker-chart';

/** data-broker: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const dataBrokerComponent = component({
  name: 'dataBroker',
  chartId: 'data-broker',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: dataBrokerContract,
  chart: (app, id, p, c: DojotChartProps<DataBrokerChart['contracts']>) =>
    new DataBrokerChart(app, id, { ...c, version: p.dataBroker.version, topicPartitions: p.bridges.replicas }),
});
