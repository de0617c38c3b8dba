import { FULL, component } from '../component';
import { imageManagerContract } from './contract';

/** image-manager: what the platform knows of it besides its chart. */
export const imageManagerComponent = component({
  name: 'imageManager',
  chartId: 'image-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: imageManagerContract,
});
