import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService } from '../../lib/workloads';
import type { RabbitmqContract } from './contract';

/** The contracts this chart reads. */
type RabbitmqReads = { readonly rabbitmq: RabbitmqContract };

export interface RabbitmqChartProps extends DojotChartProps<RabbitmqReads> {
  readonly version: string;
}

/** RabbitMQ, flowbroker's queue: its Deployment and headless Service (roles/rabbitmq of v0.6.0). */
export class RabbitmqChart extends DojotChart<RabbitmqReads> {
  constructor(scope: Construct, id: string, { version, ...props }: RabbitmqChartProps) {
    super(scope, id, props);
    const { amqp } = this.contracts.rabbitmq.services;
    new DojotService(this, 'Service', { contract: amqp, labels: { name: amqp.name }, spec: { clusterIp: 'None' } });
    new DojotDeployment(this, 'Deployment', {
      name: amqp.name,
      metadataLabels: { name: amqp.name, app: 'dojot' },
      labels: dojotLabels(amqp.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      // No containerPort, as the original: the Service targets 5672 by number.
      containers: [{ name: amqp.name, image: `dojot/rabbitmq:${version}` }],
    });
  }
}
