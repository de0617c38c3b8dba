import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** cron: scheduled jobs of the tenants, behind `/cron`. */
export function cronContract(_p: Profile) {
  const api = { name: 'cron', selector: { name: 'cron', app: 'dojot' }, ports: { http: { port: 5000 } } };
  return {
    services: { api },
    routes: [{ service: 'cron', upstream: serviceUrl(api, 'http', '/'), paths: ['/cron'], stripPath: false, authorized: true }],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type CronContract = ReturnType<typeof cronContract>;
