import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';

export interface KafkaLoopbackChartProps extends DojotChartProps {
  readonly version: string;
  readonly replicas: number;
}

/**
 * kafka-loopback (100k flavour only): sends each device message back to its device, beside
 * Kafka. The original named a governing Service it never created; it is created here, headless.
 */
export class KafkaLoopbackChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, replicas, ...props }: KafkaLoopbackChartProps) {
    super(scope, id, props);
    const labels = dojotLabels(SERVICE_NAMES.kafkaLoopback);
    new DojotService(this, 'Service', {
      name: SERVICE_NAMES.kafkaLoopback,
      labels,
      selector: labels,
      spec: { clusterIp: 'None' },
      ports: [],
    });
    new DojotStatefulSet(this, 'StatefulSet', {
      name: SERVICE_NAMES.kafkaLoopback,
      labels,
      serviceName: SERVICE_NAMES.kafkaLoopback,
      replicas,
      group: 'kafka',
      placement: this.placement,
      containers: [{ name: SERVICE_NAMES.kafkaLoopback, image: `dojot/kafka-loopback:${version}` }],
    });
  }
}
