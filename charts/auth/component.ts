import { authSecrets } from './secret';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { authContract } from './contract';
import { AuthChart } from './auth-chart';
import { alive, http, portIn, ready, redis, starting, tcp } from '../../lib/probes';
import { REDIS, NODE_USER } from '../../lib/image-users';

/** auth: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const authComponent = component({
  name: 'auth',
  chartId: 'auth',
  role: 'auth',
  deployedBy: ALL,
  wave: 'services',
  contract: authContract,
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
  security: {
    // Python (alpine) services: no user of their own; any uid reads the application; gunicorn needs a writable /tmp.
    auth: { auth: { user: NODE_USER, dropAll: true, writable: ['/tmp'] }, redis: REDIS },
  },
  calls: [
    // Built on dojot-module, but for the call to itself.
    ...DOJOT_MODULE_CALLS.filter((call) => call.to !== 'auth'),
    // Its users' credentials, on Kong's admin API (which has no authentication of its own).
    { to: 'kong', service: 'internal', ports: ['admin'] },
    { to: 'postgres', service: 'db', ports: ['sql'] },
  ],
});
