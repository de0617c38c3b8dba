import { FULL, component } from '../component';
import { rabbitmqContract } from './contract';

/** rabbitmq: what the platform knows of it besides its chart. */
export const rabbitmqComponent = component({
  name: 'rabbitmq',
  chartId: 'rabbitmq',
  role: 'message-queue',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: rabbitmqContract,
});
