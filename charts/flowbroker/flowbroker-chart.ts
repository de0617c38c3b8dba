import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface FlowbrokerChartProps extends DojotChartProps {
  readonly version: string;
  readonly contextManagerVersion: string;
  /** Create the Role that lets flowbroker create the flow nodes at run time. */
  readonly rbac: boolean;
}

/** flowbroker, its Redis and context manager in one pod, its ServiceAccount and Role, and its Service. */
export class FlowbrokerChart extends DojotChart {
  constructor(scope: Construct, id: string, props: FlowbrokerChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.flowbroker.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
