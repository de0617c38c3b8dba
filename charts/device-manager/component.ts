import { FULL, component } from '../component';
import { deviceManagerContract } from './contract';

/** device-manager: what the platform knows of it besides its chart. */
export const deviceManagerComponent = component({
  name: 'deviceManager',
  chartId: 'device-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: deviceManagerContract,
});
