import type { Call } from './component';

/**
 * The calls of a service built on the dojot-module libraries (Python, Node.js, Java): they read
 * and write Kafka, and ask auth for tenants and data-broker for topics at start.
 */
export const DOJOT_MODULE_CALLS: readonly Call[] = [
  { to: 'kafka', service: 'broker', ports: ['kafka'] },
  { to: 'auth', service: 'api', ports: ['http'] },
  { to: 'dataBroker', service: 'api', ports: ['http'] },
];
