import { ALL, component } from '../component';
import { metricsContract } from './contract';

/** metrics: its role, flavours and contract (the monitoring stack runs it: no chart). */
export const metricsComponent = component({
  name: 'metrics',
  role: 'monitoring',
  // The monitoring stack's, not a dojot component: no chart here, but the load balancer reaches its Grafana in every flavour.
  deployedBy: ALL,
  wave: 'services',
  contract: metricsContract,
});
