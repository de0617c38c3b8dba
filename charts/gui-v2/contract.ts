import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The GUI v2 (`guiV2.enabled`), at `/v2`. */
export function guiV2Contract(_p: Profile) {
  const web = { name: 'gui-v2', selector: { name: 'gui-v2', app: 'dojot' }, ports: { http: { name: 'http', port: 80 } } };
  return {
    services: { web },
    routes: [{ service: 'gui-v2', upstream: serviceUrl(web, 'http'), paths: ['/v2'], stripPath: true }],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type GuiV2Contract = ReturnType<typeof guiV2Contract>;
