import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface HistoryChartProps extends DojotChartProps {
  readonly version: string;
}

/** history: its Deployment and Service. */
export class HistoryChart extends DojotChart {
  constructor(scope: Construct, id: string, props: HistoryChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.history.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
