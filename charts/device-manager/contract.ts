import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** device-manager: devices and templates, behind `/device` and `/template`, and its Redis. */
export function deviceManagerContract(_p: Profile) {
  const api = { name: 'device-manager', selector: { name: 'device-manager', app: 'dojot' }, ports: { http: { port: 5000 } } };
  return {
    services: {
      api,
      redis: { name: 'device-manager-redis', selector: { name: 'device-manager-redis', app: 'dojot' }, ports: { redis: { port: 6379 } } },
    },
    routes: [
      { service: 'device-manager', upstream: serviceUrl(api, 'http'), paths: ['/device', '/template'], stripPath: false, authorized: true },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type DeviceManagerContract = ReturnType<typeof deviceManagerContract>;
