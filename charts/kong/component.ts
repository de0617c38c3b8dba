import { ALL, component } from '../component';
import { kongContract } from './contract';

/** kong: what the platform knows of it besides its chart. */
export const kongComponent = component({
  name: 'kong',
  chartId: 'kong',
  role: 'api-gateway',
  deployedBy: ALL,
  wave: 'services',
  contract: kongContract,
});
