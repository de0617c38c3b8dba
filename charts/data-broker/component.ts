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
  calls: [
    // The dojot-module library asks auth for tenants and data-broker for topics at start.
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'dataBroker', service: 'redis', ports: ['redis'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    // It asks itself for topics, through its own Service.
    { to: 'dataBroker', service: 'api', ports: ['http'] },
  ],
});
