import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafkaContract } from './contract';
import { KafkaChart } from './kafka-chart';
import { kafkaStart } from './start-contract';
import { alive, exec, starting, tcp } from '../../lib/probes';
import { NODE_USER, ROOT_FS_WRITTEN } from '../../lib/image-users';

/** kafka: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaComponent = component({
  name: 'kafka',
  chartId: 'kafka',
  role: 'message-bus',
  deployedBy: ALL,
  wave: 'messaging',
  contract: kafkaContract,
  images: [
    {
      image: 'confluentinc/cp-kafka:5.5.0',
      runs: 'Apache Kafka 2.5 (Confluent Platform 5.5.0)',
      endOfLife: [
        {
          of: 'Confluent Platform 5.5',
          date: '2023-04-24',
          source: 'https://docs.confluent.io/platform/current/installation/versions-interoperability.html',
        },
      ],
    },
  ],
  chart: (app, id, p, c: DojotChartProps<KafkaChart['contracts']>) =>
    new KafkaChart(app, id, { ...c, kafka: p.kafka, clusterDomain: p.clusterDomain }),
  health: (p) => ({
    // cp-kafka 5.5.0: kafka-broker-api-versions answers once the broker serves; a JVM per call, so seldom.
    'kafka-server': {
      kafka: {
        readiness: {
          ...exec('sh', '-c', `/usr/bin/kafka-broker-api-versions --bootstrap-server=localhost:${p.kafka.port}`),
          periodSeconds: 30,
          timeoutSeconds: 20,
          failureThreshold: 3,
        },
        liveness: alive(tcp(p.kafka.port)),
        // Up to 40 s waiting for Zookeeper (cub zk-ready), then log recovery after an unclean stop.
        startup: starting(tcp(p.kafka.port), 300),
      },
    },
  }),
  start: (p) => ({ 'kafka-server': { kafka: kafkaStart(p) } }),
  security: {
    // cp-zookeeper and cp-kafka 5.5.0 are made for any uid (chmod ag+w); v0.6.0 ran them as 1000.
    'kafka-server': {
      kafka: {
        user: NODE_USER,
        dropAll: true,
        reason: `${ROOT_FS_WRITTEN}: /etc/kafka (its configuration, rendered at each start) and GC logs in /usr/logs`,
      },
    },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'zookeeper', service: 'client', ports: ['client'] },
  ],
});
