import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface RabbitmqChartProps extends DojotChartProps {
  readonly version: string;
}

/** RabbitMQ, flowbroker's queue: its Deployment and headless Service. */
export class RabbitmqChart extends DojotChart {
  constructor(scope: Construct, id: string, props: RabbitmqChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.rabbitmq.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
