import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** data-manager: export and import of a tenant's configuration, behind `/export` and `/import`. */
export function dataManagerContract(_p: Profile) {
  const api = { name: 'data-manager', selector: { name: 'data-manager', app: 'dojot' }, ports: { http: { port: 3000 } } };
  return {
    services: { api },
    routes: [
      {
        service: 'data-manager',
        upstream: serviceUrl(api, 'http', '/'),
        paths: ['/export', '/import'],
        stripPath: false,
        authorized: true,
      },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type DataManagerContract = ReturnType<typeof dataManagerContract>;
