import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The GUI, at `/`. */
export function guiContract(_p: Profile) {
  const web = { name: 'gui', selector: { name: 'gui', app: 'dojot' }, ports: { http: { name: 'http', port: 80 } } };
  return {
    services: { web },
    routes: [{ service: 'gui', upstream: serviceUrl(web, 'http'), paths: ['/'], stripPath: false }],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type GuiContract = ReturnType<typeof guiContract>;
