import type { Construct } from 'constructs';
import { hostPort, portOf } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';

export interface DataBrokerChartProps extends DojotChartProps {
  readonly version: string;
  /** Partitions of the topics it creates: one per bridge replica. */
  readonly topicPartitions: number;
}

/** data-broker, which creates the tenants' Kafka topics, and its Redis. */
export class DataBrokerChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, topicPartitions, ...props }: DataBrokerChartProps) {
    super(scope, id, props);
    const { api, redis } = this.contracts.dataBroker.services;
    const kafka = this.contracts.kafka.services.broker;
    for (const service of [api, redis]) new DojotService(this, `${service.name}-service`, { contract: service, labels: { name: service.name } });

    new DojotDeployment(this, 'RedisDeployment', {
      name: redis.name,
      metadataLabels: { name: redis.name, app: 'dojot' },
      labels: dojotLabels(redis.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: redis.name, image: 'dojot/redis:5.0.5-alpine3.10' }],
    });
    new DojotDeployment(this, 'Deployment', {
      name: api.name,
      metadataLabels: { name: api.name, app: 'dojot' },
      labels: dojotLabels(api.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: api.name,
          image: `dojot/data-broker:${version}`,
          env: [
            env('KAFKA_HOSTS', hostPort(kafka, 'kafka')),
            env('KAFKA_GROUP_ID', 'data-broker-group'),
            env('DATABROKER_ZOOKEEPER_HOST', hostPort(this.contracts.zookeeper.services.client, 'client')),
            env('DATABROKER_KAFKA_ADDRESS', kafka.name),
            env('DATABROKER_KAFKA_PORT', portOf(kafka, 'kafka').port),
            env('KAFKA_NUM_PARTITIONS', topicPartitions),
            env('KAFKA_REPLICATION_FACTOR', 1),
          ],
        },
      ],
    });
  }
}
