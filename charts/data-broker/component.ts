import { ALL, component } from '../component';
import { dataBrokerContract } from './contract';

/** data-broker: what the platform knows of it besides its chart. */
export const dataBrokerComponent = component({
  name: 'dataBroker',
  chartId: 'data-broker',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: dataBrokerContract,
});
