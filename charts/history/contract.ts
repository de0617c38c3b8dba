import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** history: the devices' past data (from MongoDB), behind `/history`. */
export function historyContract(_p: Profile) {
  const api = { name: 'history', selector: { name: 'history', app: 'dojot' }, ports: { http: { port: 8000 } } };
  return {
    services: { api },
    routes: [{ service: 'history', upstream: serviceUrl(api, 'http'), paths: ['/history'], stripPath: true, authorized: true }],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type HistoryContract = ReturnType<typeof historyContract>;
