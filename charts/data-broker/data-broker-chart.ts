import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';

export interface DataBrokerChartProps extends DojotChartProps {
  readonly version: string;
  readonly kafkaPort: number;
  readonly zookeeperClientPort: number;
  /** Partitions of the topics it creates: one per bridge replica. */
  readonly topicPartitions: number;
}

/** data-broker, which creates the tenants' Kafka topics, and its Redis. */
export class DataBrokerChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, kafkaPort, zookeeperClientPort, topicPartitions, ...props }: DataBrokerChartProps) {
    super(scope, id, props);
    for (const [name, port] of [
      [SERVICE_NAMES.dataBroker, 80],
      [SERVICE_NAMES.dataBrokerRedis, 6379],
    ] as const) {
      new DojotService(this, `${name}-service`, {
        name,
        labels: { name },
        selector: { name, app: 'dojot' },
        ports: [{ port, targetPort: k8s.IntOrString.fromNumber(port) }],
      });
    }
    new DojotDeployment(this, 'RedisDeployment', {
      name: SERVICE_NAMES.dataBrokerRedis,
      metadataLabels: { name: SERVICE_NAMES.dataBrokerRedis, app: 'dojot' },
      labels: dojotLabels(SERVICE_NAMES.dataBrokerRedis),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: SERVICE_NAMES.dataBrokerRedis, image: 'dojot/redis:5.0.5-alpine3.10' }],
    });
    new DojotDeployment(this, 'Deployment', {
      name: SERVICE_NAMES.dataBroker,
      metadataLabels: { name: SERVICE_NAMES.dataBroker, app: 'dojot' },
      labels: dojotLabels(SERVICE_NAMES.dataBroker),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: SERVICE_NAMES.dataBroker,
          image: `dojot/data-broker:${version}`,
          env: [
            env('KAFKA_HOSTS', `${SERVICE_NAMES.kafka}:${kafkaPort}`),
            env('KAFKA_GROUP_ID', 'data-broker-group'),
            env('DATABROKER_ZOOKEEPER_HOST', `${SERVICE_NAMES.zookeeperClient}:${zookeeperClientPort}`),
            env('DATABROKER_KAFKA_ADDRESS', SERVICE_NAMES.kafka),
            env('DATABROKER_KAFKA_PORT', kafkaPort),
            env('KAFKA_NUM_PARTITIONS', topicPartitions),
            env('KAFKA_REPLICATION_FACTOR', 1),
          ],
        },
      ],
    });
  }
}
