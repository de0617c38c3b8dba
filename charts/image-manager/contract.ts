import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** image-manager: firmware images for devices (in MinIO), behind `/fw-image`. */
export function imageManagerContract(_p: Profile) {
  const api = { name: 'image-manager', selector: { name: 'image-manager', app: 'dojot' }, ports: { http: { port: 5000 } } };
  return {
    services: { api },
    routes: [{ service: 'image', upstream: serviceUrl(api, 'http'), paths: ['/fw-image'], stripPath: true, authorized: true }],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type ImageManagerContract = ReturnType<typeof imageManagerContract>;
