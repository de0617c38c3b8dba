import { ALL, component } from '../component';
import { metricsContract } from './contract';

/** metrics: what the platform knows of it besides its chart. */
export const metricsComponent = component({
  name: 'metrics',
  role: 'monitoring',
  // The monitoring stack's, not a dojot component: no chart here, but the load balancer reaches its Grafana in every flavour.
  deployedBy: ALL,
  wave: 'services',
  contract: metricsContract,
});
