import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { cronContract } from './contract';
import { CronChart } from './cron-chart';
import { cronStart } from './start-contract';
import { alive, http, portIn, ready, starting, WITH_TOKEN } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** cron: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const cronComponent = component({
  name: 'cron',
  chartId: 'cron',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: cronContract,
  images: [dojotImage('cron', 'node:8.14.0-alpine (dojot/cron Dockerfile)', [EOL.node8])],
  chart: (app, id, p, c: DojotChartProps<CronChart['contracts']>) => new CronChart(app, id, { ...c, version: p.version }),
  health: (_p, c) => ({
    // cron v0.6.0: every route, health included, is behind the token decode.
    cron: {
      cron: {
        readiness: ready(http('/cron/v1/healthCheck', portIn(c.services.api), WITH_TOKEN)),
        liveness: alive(http('/cron/v1/log', portIn(c.services.api), WITH_TOKEN)),
        startup: starting(http('/cron/v1/log', portIn(c.services.api), WITH_TOKEN), 120),
      },
    },
  }),
  start: (p) => ({ cron: { cron: cronStart(p) } }),
  security: {
    // Node.js services that write nothing: as the image's node user, with npm's files in its home.
    cron: { cron: { user: NODE_USER, dropAll: true, reason: 'tini and node write nothing, but untried on a read-only root' } },
  },
  calls: [
    ...DOJOT_MODULE_CALLS,
    { to: 'mongodb', service: 'db', ports: ['mongo'] },
    { to: 'deviceManager', service: 'api', ports: ['http'] },
  ],
});
