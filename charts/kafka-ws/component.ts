import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafkaWsContract } from './contract';
import { KafkaWsChart } from './kafka-ws-chart';

/** kafka-ws: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaWsComponent = component({
  name: 'kafkaWs',
  chartId: 'kafka-ws',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: kafkaWsContract,
  chart: (app, id, p, c: DojotChartProps<KafkaWsChart['contracts']>) => new KafkaWsChart(app, id, { ...c, kafkaWs: p.kafkaWs }),
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'kafkaWs', service: 'redis', ports: ['redis'] },
  ],
});
