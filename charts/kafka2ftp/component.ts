import { FULL, component } from '../component';
import { kafka2ftpContract } from './contract';

/** kafka2ftp: what the platform knows of it besides its chart. */
export const kafka2ftpComponent = component({
  name: 'kafka2ftp',
  chartId: 'kafka2ftp',
  role: 'worker',
  deployedBy: FULL,
  wave: 'services',
  contract: kafka2ftpContract,
});
