import { ALL, component } from '../component';
import { postgresContract } from './contract';

/** postgres: what the platform knows of it besides its chart. */
export const postgresComponent = component({
  name: 'postgres',
  chartId: 'postgres',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: postgresContract,
});
