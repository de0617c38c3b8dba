import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { zookeeperContract } from './contract';
import { ZookeeperChart } from './zookeeper-chart';

/** zookeeper: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const zookeeperComponent = component({
  name: 'zookeeper',
  chartId: 'zookeeper',
  role: 'coordination',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: zookeeperContract,
  chart: (app, id, p, c: DojotChartProps<ZookeeperChart['contracts']>) =>
    new ZookeeperChart(app, id, { ...c, zookeeper: p.zookeeper, clusterDomain: p.clusterDomain }),
  calls: [{ to: 'zookeeper', service: 'cluster', ports: ['server', 'election'] }],
});
