import type { Component } from './component';
import { COMPONENTS } from './components';
import type { ComponentName } from './contracts';

/**
 * The order Argo CD applies dojot in (`argocd.argoproj.io/sync-wave`), by what each component
 * needs first; a wave starts once the one before is healthy. v0.6.0's playbooks waited instead,
 * retrying each object 30 times every 10 s. `kubectl apply` ignores the annotation.
 */
export const WAVES = {
  /** The Namespace, the StorageClass, the local volumes, the network policies. */
  foundation: 0,
  /** The data stores and Zookeeper. */
  dataStores: 1,
  /** Kafka (on Zookeeper), and the Jobs that set up a data store (Kong's migrations, InfluxDB's setup). */
  kafka: 2,
  /** Every service. */
  services: 3,
  /** Kong's routes, once Kong and the services it routes to run. */
  routes: 4,
} as const;

/** The wave of a component's objects (its component.ts says which). */
export function componentWave(c: ComponentName): number {
  return WAVES[(COMPONENTS.find((x) => x.name === c) as Component).wave];
}

/** Jobs run as Argo CD hooks in the wave of what they need done before the next. */
export const JOB_WAVES: Readonly<Record<string, number>> = {
  'kong-migrate': WAVES.kafka,
  'kong-migrate-up': WAVES.kafka,
  'influxdb-job': WAVES.kafka,
  'kong-route-config': WAVES.routes,
};
