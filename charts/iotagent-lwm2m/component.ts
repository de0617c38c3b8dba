import { component } from '../component';
import { iotagentLwm2mContract } from './contract';

/** iotagent-lwm2m: what the platform knows of it besides its chart. */
export const iotagentLwm2mComponent = component({
  name: 'iotagentLwm2m',
  chartId: 'iotagent-lwm2m',
  role: 'iot-agent',
  deployedBy: ['lwm2m'],
  wave: 'services',
  contract: iotagentLwm2mContract,
});
