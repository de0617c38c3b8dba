import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface GuiV2ChartProps extends DojotChartProps {
  readonly image: string;
  readonly version: string;
}

/** The GUI v2: its Deployment and Service. */
export class GuiV2Chart extends DojotChart {
  constructor(scope: Construct, id: string, props: GuiV2ChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.guiV2.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
