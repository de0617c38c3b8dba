import { component } from '../component';
import { bridgeContract, kafkaLoopbackContract } from './contract';

/** v2k-bridge: what the platform knows of it besides its chart. */
export const v2kBridgeComponent = component({
  name: 'v2kBridge',
  chartId: 'v2k-bridge',
  role: 'bridge',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: () => bridgeContract('v2k-bridge'),
});

/** k2v-bridge: what the platform knows of it besides its chart. */
export const k2vBridgeComponent = component({
  name: 'k2vBridge',
  chartId: 'k2v-bridge',
  role: 'bridge',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: () => bridgeContract('k2v-bridge'),
});

/** kafka-loopback: what the platform knows of it besides its chart. */
export const kafkaLoopbackComponent = component({
  name: 'kafkaLoopback',
  chartId: 'kafka-loopback',
  role: 'load-test',
  deployedBy: ['100k'],
  wave: 'services',
  contract: kafkaLoopbackContract,
});
