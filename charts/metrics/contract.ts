import { type ComponentContract, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/**
 * The monitoring stack's Grafana, which the load balancer's `metrics` entry point reaches on
 * `nodePorts.metrics`. The stack (not dojot) runs it; this contract only says where it is.
 */
export function metricsContract(p: Profile) {
  return {
    services: {
      grafana: {
        name: 'grafana',
        selector: { 'app.kubernetes.io/name': 'grafana' },
        ports: { http: { name: 'http', port: 3000, exposed: exposedAs(p, 'metrics', p.nodePorts.metrics, 'Grafana (metrics stack)') } },
      },
    },
  } satisfies ComponentContract;
}
