import { ALL, component } from '../component';
import { kafkaContract } from './contract';

/** kafka: what the platform knows of it besides its chart. */
export const kafkaComponent = component({
  name: 'kafka',
  chartId: 'kafka',
  role: 'message-bus',
  deployedBy: ALL,
  wave: 'kafka',
  contract: kafkaContract,
});
