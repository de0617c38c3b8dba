import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { backstageContract } from './contract';
import { backstageStart } from './start-contract';
import { BackstageChart } from './backstage-chart';
import { alive, http, portIn, ready, starting, tcp } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** backstage: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const backstageComponent = component({
  name: 'backstage',
  chartId: 'backstage',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: backstageContract,
  images: [dojotImage('backstage', 'node:8-alpine (dojot/backstage DockerFile)', [EOL.node8])],
  chart: (app, id, p, c: DojotChartProps<BackstageChart['contracts']>) =>
    new BackstageChart(app, id, { ...c, version: p.version, databaseUser: p.postgres.devmUser }),
  health: (_p, c) => ({
    // backstage v0.6.0: no health route; GraphQL's {__typename} needs neither auth nor a back end.
    backstage: {
      backstage: {
        readiness: ready(http('/graphql-auth/?query=%7B__typename%7D', portIn(c.services.api))),
        liveness: alive(tcp(portIn(c.services.api))),
        startup: starting(tcp(portIn(c.services.api)), 60),
      },
    },
  }),
  start: (p) => ({ backstage: { backstage: backstageStart(p) } }),
  security: {
    // Node.js services that write nothing: as the image's node user, with npm's files in its home.
    backstage: { backstage: { user: NODE_USER, dropAll: true, reason: 'npm writes its logs and update check under HOME, in the image' } },
  },
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    // The only service that goes through Kong's proxy.
    { to: 'kong', service: 'internal', ports: ['proxy'] },
  ],
});
