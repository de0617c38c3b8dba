import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafkaWsContract } from './contract';
import { KafkaWsChart } from './kafka-ws-chart';
import { KAFKA_WS_REDIS_START, kafkaWsStart } from './start-contract';
import { lightship, redis } from '../../lib/probes';
import { REDIS } from '../../lib/image-users';

/** kafka-ws: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaWsComponent = component({
  name: 'kafkaWs',
  chartId: 'kafka-ws',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: kafkaWsContract,
  images: [
    dojotImage('kafka-ws', 'node:12.18.4-alpine (dojot/dojot subscription-engine/kafka-ws/Dockerfile)', [EOL.node12]),
    {
      image: 'dojot/redis:6.0.4-alpine3.11',
      runs: 'Redis 6.0.4',
      base: 'alpine:3.11 (docker-library/redis 6.0/alpine/Dockerfile, as dojot/redis copies it)',
      endOfLife: [EOL.alpine311, { of: 'Redis 6.0', source: 'https://github.com/redis/redis/blob/unstable/SECURITY.md' }],
    },
  ],
  chart: (app, id, p, c: DojotChartProps<KafkaWsChart['contracts']>) => new KafkaWsChart(app, id, { ...c, kafkaWs: p.kafkaWs }),
  health: (_p, c) => ({
    // Plain HTTP whatever kafka-ws.tls says: TLS is its own server's; Lightship 6.2.1 listens with
    // express's app.listen (dist/factories/createLightship.js). v0.6.0 probed readiness over HTTPS,
    // which never answered.
    'kafka-ws': { 'kafka-ws': lightship(120) },
    'kafka-ws-redis': { 'kafka-ws-redis': redis(c.services.redis) },
  }),
  start: (p) => ({ 'kafka-ws': { 'kafka-ws': kafkaWsStart(p) }, 'kafka-ws-redis': { 'kafka-ws-redis': KAFKA_WS_REDIS_START } }),
  security: {
    // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
    'kafka-ws': {
      'kafka-ws': { dropAll: false, reason: 'writes its merged configuration into a root-owned directory of the image at every start' },
    },
    'kafka-ws-redis': { 'kafka-ws-redis': REDIS },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'kafkaWs', service: 'redis', ports: ['redis'] },
  ],
});
