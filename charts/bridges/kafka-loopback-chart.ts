import type { Construct } from 'constructs';
import { hostPort } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { KafkaContract } from '../kafka/contract';
import { KAFKA_LOOPBACK_LABELS } from './contract';
import type { KafkaLoopbackContract } from './contract';
import { IMAGE_KAFKA_LIST } from './start-contract';

/** The contracts this chart reads. */
type KafkaLoopbackReads = { readonly kafkaLoopback: KafkaLoopbackContract; readonly kafka: KafkaContract };

export interface KafkaLoopbackChartProps extends DojotChartProps<KafkaLoopbackReads> {
  readonly version: string;
  readonly replicas: number;
}

/**
 * kafka-loopback (100k flavour only): sends each device message back to its device, beside
 * Kafka. The original named a governing Service it never created; it is created here, headless.
 */
export class KafkaLoopbackChart extends DojotChart<KafkaLoopbackReads> {
  constructor(scope: Construct, id: string, { version, replicas, ...props }: KafkaLoopbackChartProps) {
    super(scope, id, props);
    const labels = KAFKA_LOOPBACK_LABELS;
    const service = this.contracts.kafkaLoopback.services.governing;
    // As v0.6.0, the image's default Kafka address (bin/entrypoint.sh), unless the profile moves Kafka's port.
    const kafka = hostPort(this.contracts.kafka.services.broker, 'kafka');
    new DojotService(this, 'Service', { contract: service, labels, spec: { clusterIp: 'None' } });
    new DojotStatefulSet(this, 'StatefulSet', {
      name: service.name,
      labels,
      serviceName: service.name,
      replicas,
      group: 'kafka',
      placement: this.placement,
      containers: [
        {
          name: service.name,
          image: `dojot/kafka-loopback:${version}`,
          env: kafka === IMAGE_KAFKA_LIST ? undefined : [env('KAFKA_BROKER_LIST', kafka)],
        },
      ],
    });
  }
}
