import { type ComponentContract, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/**
 * The monitoring stack's Grafana, which the load balancer's `metrics` entry point reaches on
 * `nodePorts.metrics` when `metrics.enabled`. The stack (not dojot) runs it: the values file in
 * dist/helm names its Service `grafana` and puts it on that NodePort.
 */
export function metricsContract(p: Profile) {
  const http = {
    name: 'http-web',
    port: 80,
    exposed: p.metrics.enabled ? exposedAs(p, 'metrics', p.nodePorts.metrics, 'Grafana (metrics stack)') : undefined,
  };
  return {
    services: { grafana: { name: 'grafana', selector: { 'app.kubernetes.io/name': 'grafana' }, ports: { http } } },
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type MetricsContract = ReturnType<typeof metricsContract>;
