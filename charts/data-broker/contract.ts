import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** data-broker: device data streams, subscriptions and socket.io, and its Redis. */
export function dataBrokerContract(_p: Profile) {
  const api = { name: 'data-broker', selector: { name: 'data-broker', app: 'dojot' }, ports: { http: { port: 80, targetPort: 80 } } };
  const url = serviceUrl(api, 'http');
  return {
    services: {
      api,
      redis: {
        name: 'data-broker-redis',
        selector: { name: 'data-broker-redis', app: 'dojot' },
        ports: { redis: { port: 6379, targetPort: 6379 } },
      },
    },
    routes: [
      { service: 'data-broker', upstream: url, paths: ['/device/(.*)/latest', '/subscription'], stripPath: false, authorized: true },
      { service: 'data-streams', upstream: url, paths: ['/stream'], stripPath: true, authorized: true },
      { service: 'ws-http', upstream: url, paths: ['/socket.io'], stripPath: false },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type DataBrokerContract = ReturnType<typeof dataBrokerContract>;
