import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { REDIS_LIFECYCLE } from '../../lib/redis';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { iotagentMoscaContract } from './contract';
import { IotagentMoscaChart } from './iotagent-mosca-chart';
import { iotagentMoscaStart, moscaRedisStart } from './start-contract';
import { alive, http, ready, redis, starting } from '../../lib/probes';
import { REDIS } from '../../lib/image-users';

/** iotagent-mosca's HTTP server (iotagent-mosca release/v0.6.0, src/app.js: `GET /healthCheck`). */
const MOSCA_HEALTH_PORT = 10001;

/** iotagent-mosca: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const iotagentMoscaComponent = component({
  name: 'iotagentMosca',
  chartId: 'iotagent-mosca',
  role: 'iot-agent',
  deployedBy: ['mosca'],
  wave: 'services',
  contract: iotagentMoscaContract,
  images: [
    dojotImage('iotagent-mosca', 'node:8.14.0-alpine (dojot/iotagent-mosca Dockerfile, branch release/v0.6.0)', [EOL.node8]),
    REDIS_LIFECYCLE,
  ],
  chart: (app, id, p, c: DojotChartProps<IotagentMoscaChart['contracts']>) =>
    new IotagentMoscaChart(app, id, {
      ...c,
      version: p.versions.iotagentMosca,
      domainName: p.domainName,
      insecureMqtt: p.vernemq.insecureMqtt,
    }),
  health: () => ({
    // iotagent-mosca: initialConf.py retries x509-identity-mgmt every 30 s until it answers, then makes an RSA-4096 key.
    'iotagent-mosca': {
      'iotagent-mosca': {
        readiness: ready(http('/healthCheck', MOSCA_HEALTH_PORT)),
        liveness: alive(http('/healthCheck', MOSCA_HEALTH_PORT)),
        startup: starting(http('/healthCheck', MOSCA_HEALTH_PORT), 600),
      },
      redis: redis(6379),
    },
  }),
  start: (p) => ({ 'iotagent-mosca': { 'iotagent-mosca': iotagentMoscaStart(p), redis: moscaRedisStart } }),
  security: {
    'iotagent-mosca': {
      'iotagent-mosca': { dropAll: false, reason: 'writes a new key and certificates into its root-owned certs directory at every start' },
      redis: REDIS,
    },
  },
  calls: [
    ...DOJOT_MODULE_CALLS,
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    // Mosca signs its certificate at start.
    { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
  ],
});
