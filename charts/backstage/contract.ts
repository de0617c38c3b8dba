import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** backstage: the GUI's GraphQL back end, behind `/graphql` and `/graphql-auth`. */
export function backstageContract(_p: Profile) {
  const api = { name: 'backstage', selector: { name: 'backstage', app: 'dojot' }, ports: { http: { port: 3005 } } };
  const upstream = serviceUrl(api, 'http', '/');
  return {
    services: { api },
    routes: [
      { service: 'backstage_graphql_auth', upstream, paths: ['/graphql-auth'], stripPath: false },
      { service: 'backstage_graphql', upstream, paths: ['/graphql'], stripPath: false, authorized: true },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type BackstageContract = ReturnType<typeof backstageContract>;
