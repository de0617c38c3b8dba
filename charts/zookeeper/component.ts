import { ALL, component } from '../component';
import { zookeeperContract } from './contract';

/** zookeeper: what the platform knows of it besides its chart. */
export const zookeeperComponent = component({
  name: 'zookeeper',
  chartId: 'zookeeper',
  role: 'coordination',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: zookeeperContract,
});
