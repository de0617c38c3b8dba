import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafkaWsContract } from './contract';
import { KafkaWsChart } from './kafka-ws-chart';
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
  health: (p, c) => ({
    // With TLS, kafka-ws serves its health over HTTPS too (v0.6.0's probes said so).
    'kafka-ws': { 'kafka-ws': lightship(120, p.kafkaWs.tls ? 'HTTPS' : undefined) },
    'kafka-ws-redis': { 'kafka-ws-redis': redis(c.services.redis) },
  }),
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
