import type { Construct } from 'constructs';
import { hostPort, portOf } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DOJOT_REDIS_IMAGE } from '../../lib/redis';
import { DojotApiService, env } from '../../lib/workloads';
import type { KafkaContract } from '../kafka/contract';
import type { ZookeeperContract } from '../zookeeper/contract';
import type { DataBrokerContract } from './contract';

/** The contracts this chart reads. */
type DataBrokerReads = { readonly zookeeper: ZookeeperContract; readonly kafka: KafkaContract; readonly dataBroker: DataBrokerContract };

export interface DataBrokerChartProps extends DojotChartProps<DataBrokerReads> {
  readonly version: string;
  /** Partitions of the topics it creates: one per bridge replica. */
  readonly topicPartitions: number;
  /** Copies of each topic it creates: as many as the brokers' own topics have. */
  readonly topicReplicas: number;
}

/** data-broker, which creates the tenants' Kafka topics, and its Redis. */
export class DataBrokerChart extends DojotChart<DataBrokerReads> {
  constructor(scope: Construct, id: string, { version, topicPartitions, topicReplicas, ...props }: DataBrokerChartProps) {
    super(scope, id, props);
    const { api, redis } = this.contracts.dataBroker.services;
    const kafka = this.contracts.kafka.services.broker;
    new DojotApiService(this, 'Redis', { contract: redis, placement: this.placement, container: { image: DOJOT_REDIS_IMAGE } });
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/data-broker:${version}`,
        env: [
          env('KAFKA_HOSTS', hostPort(kafka, 'kafka')),
          env('KAFKA_GROUP_ID', 'data-broker-group'),
          env('DATABROKER_ZOOKEEPER_HOST', hostPort(this.contracts.zookeeper.services.client, 'client')),
          env('DATABROKER_KAFKA_ADDRESS', kafka.name),
          env('DATABROKER_KAFKA_PORT', portOf(kafka, 'kafka').port),
          env('KAFKA_NUM_PARTITIONS', topicPartitions),
          // v0.6.0's 1 left a tenant's topics on one broker of three: lost with it.
          env('KAFKA_REPLICATION_FACTOR', topicReplicas),
        ],
      },
    });
  }
}
