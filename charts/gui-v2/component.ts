import { FULL, component } from '../component';
import { guiV2Contract } from './contract';

/** gui-v2: what the platform knows of it besides its chart. */
export const guiV2Component = component({
  name: 'guiV2',
  chartId: 'gui-v2',
  role: 'web',
  deployedBy: (p) => FULL.includes(p.flavour) && p.guiV2.enabled,
  wave: 'services',
  contract: guiV2Contract,
});
