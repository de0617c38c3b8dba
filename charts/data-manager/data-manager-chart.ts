import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface DataManagerChartProps extends DojotChartProps {
  readonly version: string;
}

/** data-manager: its Deployment and Service. */
export class DataManagerChart extends DojotChart {
  constructor(scope: Construct, id: string, props: DataManagerChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.dataManager.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
