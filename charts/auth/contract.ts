import { type ComponentContract, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

const API = { name: 'auth', selector: { name: 'auth', app: 'dojot' }, ports: { http: { port: 5000, targetPort: 5000 } } };

/** auth's policy decision point, which Kong's `pepkong` plugin asks on every authorized route. */
export const AUTH_PDP_URL = serviceUrl(API, 'http', '/pdp');

/** auth: users, tenants, permissions, and Kong's authorization decisions. */
export function authContract(_p: Profile) {
  const url = (path = '') => serviceUrl(API, 'http', path);
  return {
    services: { api: API },
    routes: [
      { service: 'auth-permissions-service', upstream: url('/pap'), paths: ['/auth/pap'], stripPath: true, authorized: true },
      {
        service: 'auth-service',
        upstream: url(),
        paths: ['/auth'],
        stripPath: true,
        // Slows down password guessing.
        plugins: [{ name: 'rate-limiting', config: { minute: 5, hour: 40, policy: 'local' } }],
      },
      {
        service: 'auth-revoke',
        upstream: url(),
        paths: ['/auth/revoke'],
        stripPath: false,
        plugins: [{ name: 'request-termination', config: { status_code: 403, message: 'Not authorized' } }],
      },
      { service: 'user-service', upstream: url('/user'), paths: ['/auth/user'], stripPath: true, authorized: true },
    ],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type AuthContract = ReturnType<typeof authContract>;
