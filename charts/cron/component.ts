import { FULL, component } from '../component';
import { cronContract } from './contract';

/** cron: what the platform knows of it besides its chart. */
export const cronComponent = component({
  name: 'cron',
  chartId: 'cron',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: cronContract,
});
