import { component } from '../component';
import { iotagentMoscaContract } from './contract';

/** iotagent-mosca: what the platform knows of it besides its chart. */
export const iotagentMoscaComponent = component({
  name: 'iotagentMosca',
  chartId: 'iotagent-mosca',
  role: 'iot-agent',
  deployedBy: ['mosca'],
  wave: 'services',
  contract: iotagentMoscaContract,
});
