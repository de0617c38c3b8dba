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
