import { ALL, component } from '../component';
import { authContract } from './contract';

/** auth: what the platform knows of it besides its chart. */
export const authComponent = component({
  name: 'auth',
  chartId: 'auth',
  role: 'auth',
  deployedBy: ALL,
  wave: 'services',
  contract: authContract,
});
