import { ALL, component } from '../component';
import { kafkaWsContract } from './contract';

/** kafka-ws: what the platform knows of it besides its chart. */
export const kafkaWsComponent = component({
  name: 'kafkaWs',
  chartId: 'kafka-ws',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: kafkaWsContract,
});
