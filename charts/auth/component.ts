import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { REDIS_LIFECYCLE } from '../../lib/redis';
import { authSecrets } from './secret';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { authContract } from './contract';
import { AuthChart } from './auth-chart';
import { authStart, dojotRedisStart } from './start-contract';
import { alive, http, portIn, ready, redis, starting, tcp } from '../../lib/probes';
import { REDIS } from '../../lib/image-users';

/** auth: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const authComponent = component({
  name: 'auth',
  chartId: 'auth',
  role: 'auth',
  deployedBy: ALL,
  wave: 'services',
  contract: authContract,
  images: [dojotImage('auth', 'python:3.6-alpine (dojot/auth Dockerfile)', [EOL.python36]), REDIS_LIFECYCLE],
  secrets: authSecrets,
  chart: (app, id, p, c: DojotChartProps<AuthChart['contracts']>) => new AuthChart(app, id, { ...c, auth: p.auth }),
  health: (_p, c) => ({
    // auth v0.6.0: no health route; GET /admin/tenants needs no token and reads PostgreSQL (webRoutes.py).
    auth: {
      auth: {
        readiness: ready(http('/admin/tenants', portIn(c.services.api))),
        liveness: alive(tcp(portIn(c.services.api))),
        startup: starting(tcp(portIn(c.services.api)), 120),
      },
      redis: redis(6379),
    },
  }),
  start: (p) => ({ auth: { auth: authStart(p), redis: dojotRedisStart } }),
  security: {
    auth: {
      // Root, as the image's: at every start controller/PasswordController.py writes compiledPwdBlacklist.bin into
      // /usr/src/app/auth, root's, which the image does not ship and whose failed write stops it (start-contract.ts).
      auth: {
        dropAll: true,
        reason: 'it writes compiledPwdBlacklist.bin into its root-owned working directory /usr/src/app/auth at every start',
      },
      redis: REDIS,
    },
  },
  calls: [
    // Built on dojot-module, but for the call to itself.
    ...DOJOT_MODULE_CALLS.filter((call) => call.to !== 'auth'),
    // Its users' credentials, on Kong's admin API (which has no authentication of its own).
    { to: 'kong', service: 'internal', ports: ['admin'] },
    { to: 'postgres', service: 'db', ports: ['sql'] },
  ],
});
