import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { REDIS_LIFECYCLE } from '../../lib/redis';
import { deviceManagerSecrets } from './secret';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { deviceManagerContract } from './contract';
import { DeviceManagerChart } from './device-manager-chart';
import { deviceManagerStart } from './start-contract';
import { dojotRedisStart } from '../auth/start-contract';
import { http, portIn, redis, single, WITH_TOKEN } from '../../lib/probes';
import { REDIS, NODE_USER } from '../../lib/image-users';

/** device-manager: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const deviceManagerComponent = component({
  name: 'deviceManager',
  chartId: 'device-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: deviceManagerContract,
  images: [dojotImage('device-manager', 'python:3.6-alpine (dojot/device-manager Dockerfile)', [EOL.python36]), REDIS_LIFECYCLE],
  secrets: deviceManagerSecrets,
  chart: (app, id, p, c: DojotChartProps<DeviceManagerChart['contracts']>) =>
    new DeviceManagerChart(app, id, { ...c, version: p.versions.deviceManager }),
  // Its own device-manager-redis has no client (device-manager v0.6.0 has no Redis code): nothing is let in.
  health: (_p, c) => ({
    // device-manager v0.6.0: every request needs an Authorization header; /log answers without the database.
    'device-manager': { 'device-manager': single(http('/log', portIn(c.services.api), WITH_TOKEN), 60) },
    'device-manager-redis': { 'device-manager-redis': redis(c.services.redis) },
  }),
  start: () => ({
    'device-manager': { 'device-manager': deviceManagerStart },
    'device-manager-redis': { 'device-manager-redis': dojotRedisStart },
  }),
  security: {
    // Python (alpine) services: no user of their own; any uid reads the application; gunicorn needs a writable /tmp.
    'device-manager': { 'device-manager': { user: NODE_USER, dropAll: true, writable: ['/tmp'] } },
    'device-manager-redis': { 'device-manager-redis': REDIS },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'dataBroker', service: 'api', ports: ['http'] },
  ],
});
