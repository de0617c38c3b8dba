import { FULL, component } from '../component';
import { persisterContract } from './contract';

/** persister: what the platform knows of it besides its chart. */
export const persisterComponent = component({
  name: 'persister',
  chartId: 'persister',
  role: 'worker',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.persister,
  wave: 'services',
  contract: persisterContract,
});
