import type { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import { type BridgeName, bridgeSelector } from './contract';
import type { BridgeContract } from './contract';

/** The contracts this chart reads. */
type BridgeReads = { readonly v2kBridge: BridgeContract; readonly k2vBridge: BridgeContract };

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
          env,
        },
      ],
    });
    new DojotService(this, 'Service', { contract: service, spec: { type: 'ClusterIP' } });
  }
}
