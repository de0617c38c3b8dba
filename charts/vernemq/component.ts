import { component } from '../component';
import { vernemqContract } from './contract';

/** vernemq: what the platform knows of it besides its chart. */
export const vernemqComponent = component({
  name: 'vernemq',
  chartId: 'vernemq',
  role: 'mqtt-broker',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: vernemqContract,
});
