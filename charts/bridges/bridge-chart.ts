import type { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { hostPort } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet, env as envVar } from '../../lib/workloads';
import type { KafkaContract } from '../kafka/contract';
import { type BridgeName, bridgeSelector } from './contract';
import type { BridgeContract } from './contract';
import { BRIDGE_KAFKA_VARIABLE, IMAGE_KAFKA_LIST } from './start-contract';

/** The contracts this chart reads. */
type BridgeReads = { readonly v2kBridge: BridgeContract; readonly k2vBridge: BridgeContract; readonly kafka: KafkaContract };

/** A VerneMQ⇄Kafka bridge: v2k-bridge (MQTT to Kafka) or k2v-bridge (Kafka to MQTT). */
export interface BridgeChartProps extends DojotChartProps<BridgeReads> {
  readonly name: BridgeName;
  readonly image: string;
  readonly replicas: number;
  readonly env?: k8s.EnvVar[];
}

/** One bridge: a StatefulSet beside the brokers (on the vernemq nodes) and its Service. */
export class BridgeChart extends DojotChart<BridgeReads> {
  constructor(scope: Construct, id: string, { name, image, replicas, env, ...props }: BridgeChartProps) {
    super(scope, id, props);
    const service = (name === 'v2k-bridge' ? this.contracts.v2kBridge : this.contracts.k2vBridge).services.api;
    // v0.6.0 left Kafka's address to the image's default (start-contract.ts), which only holds on
    // Kafka's default port: set only when the profile moves it.
    const kafka = hostPort(this.contracts.kafka.services.broker, 'kafka');
    const kafkaEnv = kafka === IMAGE_KAFKA_LIST ? [] : [envVar(BRIDGE_KAFKA_VARIABLE[name], kafka)];
    const containerEnv = [...(env ?? []), ...kafkaEnv];
    new DojotStatefulSet(this, 'StatefulSet', {
      name,
      labels: dojotLabels(name),
      selector: bridgeSelector(name),
      serviceName: service.name,
      replicas,
      group: 'vernemq',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name,
          image,
          env: containerEnv.length ? containerEnv : undefined,
        },
      ],
    });
    new DojotService(this, 'Service', { contract: service, spec: { type: 'ClusterIP' } });
  }
}
