import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** flowbroker: the flows, their icons and images, behind `/flows`. */
export function flowbrokerContract(_p: Profile) {
  const api = { name: 'flowbroker', selector: { name: 'flowbroker', app: 'dojot' }, ports: { http: { port: 80 } } };
  const url = (path = '') => serviceUrl(api, 'http', path);
  // Flow nodes reach the context manager in flowbroker's pod by this name (their library's default,
  // lib/DojotHandler.js); v0.6.0 never created the Service.
  const contextManager = {
    name: 'flowbroker-context-manager',
    selector: { name: 'flowbroker', app: 'dojot' },
    ports: { zmq: { name: 'zmq', port: 5556, targetPort: 'context-zmq' } },
  };
  return {
    services: { api, contextManager },
    routes: [
      { service: 'flows', upstream: url(), paths: ['/flows'], stripPath: true, authorized: true },
      { service: 'flowsIcons', upstream: url('/icons'), paths: ['/flows/icons'], stripPath: true },
      { service: 'flowsRedImages', upstream: url('/red/images'), paths: ['/flows/red/images'], stripPath: true },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type FlowbrokerContract = ReturnType<typeof flowbrokerContract>;
