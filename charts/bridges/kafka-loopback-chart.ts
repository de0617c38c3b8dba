import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import { KAFKA_LOOPBACK_LABELS } from './contract';
import type { KafkaLoopbackContract } from './contract';

/** The contracts this chart reads. */
type KafkaLoopbackReads = { readonly kafkaLoopback: KafkaLoopbackContract };

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
    new DojotService(this, 'Service', { contract: service, labels, spec: { clusterIp: 'None' } });
    new DojotStatefulSet(this, 'StatefulSet', {
      name: service.name,
      labels,
      serviceName: service.name,
      replicas,
      group: 'kafka',
      placement: this.placement,
      containers: [{ name: service.name, image: `dojot/kafka-loopback:${version}` }],
    });
  }
}
