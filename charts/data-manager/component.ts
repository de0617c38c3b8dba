import { FULL, component } from '../component';
import { dataManagerContract } from './contract';

/** data-manager: what the platform knows of it besides its chart. */
export const dataManagerComponent = component({
  name: 'dataManager',
  chartId: 'data-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: dataManagerContract,
});
