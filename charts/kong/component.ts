import { dojotImage } from '../../lib/image-lifecycle';
import { kongSecrets } from './secret';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { KONG_ROUTE_CONFIG_JOB, kongContract } from './contract';
import { KongChart } from './kong-chart';
import { discardPepkongLogStart, kongMigrationsStart, kongRouteConfigStart, kongStart } from './start-contract';
import { alive, http, portIn, ready, starting, tcp } from '../../lib/probes';

/** kong: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kongComponent = component({
  name: 'kong',
  chartId: 'kong',
  role: 'api-gateway',
  deployedBy: ALL,
  wave: 'services',
  // Its migrations before the services (with Kafka); its routes once Kong and what it routes to run.
  jobWaves: { 'kong-migrate': 'messaging', 'kong-migrate-up': 'messaging', 'kong-route-config': 'routes' },
  contract: kongContract,
  images: [
    dojotImage('kong', "kong:2.2-alpine (dojot/kong Dockerfile), with dojot's pepkong plugin", [
      { of: 'Kong 2.2', source: 'https://github.com/Kong/kong/releases' },
    ]),
    {
      image: 'curlimages/curl:7.76.1',
      runs: 'curl 7.76.1',
      endOfLife: [{ of: 'curl 7.76.1', source: 'https://curl.se/docs/releases.html' }],
    },
  ],
  secrets: kongSecrets,
  chart: (app, id, p, c: DojotChartProps<KongChart['contracts']>, deployed) =>
    new KongChart(app, id, { ...c, apigw: p.apigw, routes: deployed.flatMap((k) => k.routes ?? []) }),
  health: (_p, c) => ({
    // Kong 2.2: /status on the admin port reports the database; the proxy's port shows nginx alive.
    kong: {
      kong: {
        readiness: ready(http('/status', portIn(c.services.internal, 'admin'))),
        liveness: alive(tcp(portIn(c.services.internal, 'proxy'))),
        startup: starting(tcp(portIn(c.services.internal, 'proxy')), 120),
      },
    },
  }),
  start: (p) => ({
    kong: { kong: kongStart(p), 'discard-pepkong-log': discardPepkongLogStart },
    'kong-migrate': { 'kong-migrate': kongMigrationsStart(p, 'kong migrations bootstrap') },
    'kong-migrate-up': { 'kong-migrate-up': kongMigrationsStart(p, "/bin/sh -c 'kong migrations up && kong migrations finish'") },
    [KONG_ROUTE_CONFIG_JOB]: { [KONG_ROUTE_CONFIG_JOB]: kongRouteConfigStart },
  }),
  security: {
    // Kong 2.2 alpine: USER kong, 100 (v0.6.0 ran it as 100); `kong prepare` writes its prefix, pepkong appends to /tmp/lualogs.txt.
    kong: {
      kong: { user: { uid: 100 }, dropAll: true, writable: ['/usr/local/kong', '/tmp'] },
      'discard-pepkong-log': { user: { uid: 100 }, dropAll: true, writable: ['/tmp'] },
    },
    'kong-migrate': {
      'kong-migrate': { user: { uid: 100 }, dropAll: true, reason: 'kong migrations may write its prefix; untried on a read-only root' },
    },
    'kong-migrate-up': {
      'kong-migrate-up': { user: { uid: 100 }, dropAll: true, reason: 'kong migrations may write its prefix; untried on a read-only root' },
    },
    // curlimages/curl 7.76.1: USER curl_user, 100:101.
    'kong-route-config': { 'kong-route-config': { user: { uid: 100, gid: 101 }, dropAll: true, writable: ['/tmp'] } },
  },
  callsRoutes: true,
  // Its admin API has no authentication: only auth (auth's calls) and the routes' Job reach it.
  admits: () => [{ service: 'internal', ports: ['admin'], from: { podSelector: { matchLabels: { name: KONG_ROUTE_CONFIG_JOB } } } }],
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'auth', service: 'api', ports: ['http'] },
  ],
});
