import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface IotagentMoscaChartProps extends DojotChartProps {
  readonly version: string;
  readonly domainName: string;
  readonly insecureMqtt: boolean;
}

/** iotagent-mosca: its Deployment (with its Redis) and NodePort Service. */
export class IotagentMoscaChart extends DojotChart {
  constructor(scope: Construct, id: string, props: IotagentMoscaChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.iotagentMosca.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
