import { type ComponentContract, exposedAs, type LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** Selector of the Kong pods (the original's). */
export const KONG_SELECTOR = { name: 'kong', app: 'dojot' } as const;
/** The Job that configures Kong's routes through its admin API: with auth, the admin port's only client. */
export const KONG_ROUTE_CONFIG_JOB = 'kong-route-config';

/** The certificates of mutual TLS (`/certs`). */
export const KONG_VOLUME = {
  pvName: 'local-pv-kong',
  group: 'dojot',
  directory: 'kong',
  accessMode: 'ReadOnlyMany',
  selector: { app: 'dojot', name: 'kong' },
  persistence: (p) => p.apigw.persistence,
} as const satisfies LocalVolume;

/**
 * Kong, the API gateway: its admin API and proxy inside the cluster, and the proxy on NodePorts
 * behind the load balancer (HTTPS only with mutual TLS, the only case where Kong serves it).
 */
export function kongContract(p: Profile) {
  const gw = p.apigw;
  return {
    services: {
      internal: {
        name: 'kong',
        selector: KONG_SELECTOR,
        ports: {
          admin: { name: 'apigw-config', port: gw.adminPort, targetPort: gw.adminPort },
          proxy: { name: 'apigw-http-internal', port: gw.httpPort, targetPort: gw.httpPort },
        },
      },
      external: {
        name: 'kong-external',
        selector: KONG_SELECTOR,
        ports: {
          http: {
            name: 'apigw-http',
            port: gw.httpPort,
            targetPort: gw.httpPort,
            exposed: exposedAs(p, 'apigw', p.nodePorts.apigw.http, 'HTTP, Kong'),
          },
          https: gw.mutualTls
            ? {
                name: 'apigw-https',
                port: gw.httpsPort,
                targetPort: gw.httpsPort,
                exposed: exposedAs(p, 'apigws', p.nodePorts.apigw.https, 'HTTPS with mutual TLS, Kong'),
              }
            : undefined,
        },
      },
    },
    volumes: [KONG_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type KongContract = ReturnType<typeof kongContract>;
