import { FULL, component } from '../component';
import { flowbrokerContract } from './contract';

/** flowbroker: what the platform knows of it besides its chart. */
export const flowbrokerComponent = component({
  name: 'flowbroker',
  chartId: 'flowbroker',
  role: 'flows',
  deployedBy: FULL,
  wave: 'services',
  contract: flowbrokerContract,
});
