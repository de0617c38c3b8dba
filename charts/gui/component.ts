import { FULL, component } from '../component';
import { guiContract } from './contract';

/** gui: what the platform knows of it besides its chart. */
export const guiComponent = component({
  name: 'gui',
  chartId: 'gui',
  role: 'web',
  deployedBy: FULL,
  wave: 'services',
  contract: guiContract,
});
