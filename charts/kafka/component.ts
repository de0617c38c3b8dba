import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafkaContract } from './contract';
import { KafkaChart } from './kafka-chart';

/** kafka: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaComponent = component({
  name: 'kafka',
  chartId: 'kafka',
  role: 'message-bus',
  deployedBy: ALL,
  wave: 'kafka',
  contract: kafkaContract,
  chart: (app, id, p, c: DojotChartProps<KafkaChart['contracts']>) =>
    new KafkaChart(app, id, { ...c, kafka: p.kafka, clusterDomain: p.clusterDomain }),
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'zookeeper', service: 'client', ports: ['client'] },
  ],
});
