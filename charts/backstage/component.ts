import { FULL, component } from '../component';
import { backstageContract } from './contract';

/** backstage: what the platform knows of it besides its chart. */
export const backstageComponent = component({
  name: 'backstage',
  chartId: 'backstage',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: backstageContract,
});
