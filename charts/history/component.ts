import { FULL, component } from '../component';
import { historyContract } from './contract';

/** history: what the platform knows of it besides its chart. */
export const historyComponent = component({
  name: 'history',
  chartId: 'history',
  role: 'api',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.history,
  wave: 'services',
  contract: historyContract,
});
