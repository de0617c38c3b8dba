import { ALL, component } from '../component';
import { mongodbContract } from './contract';

/** mongodb: what the platform knows of it besides its chart. */
export const mongodbComponent = component({
  name: 'mongodb',
  chartId: 'mongodb',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: mongodbContract,
});
