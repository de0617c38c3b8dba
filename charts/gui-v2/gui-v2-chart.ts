import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotApiService } from '../../lib/workloads';

export interface GuiV2ChartProps extends DojotChartProps {
  readonly image: string;
  readonly version: string;
}

/** The GUI v2: its Deployment and Service (roles/gui-v2 of v0.6.0). */
export class GuiV2Chart extends DojotChart {
  constructor(scope: Construct, id: string, { image, version, ...props }: GuiV2ChartProps) {
    super(scope, id, props);
    const { web } = this.contracts.guiV2.services;
    new DojotApiService(this, 'Web', {
      contract: web,
      // The original's gui-v2 had no affinity block; pinned like every workload, so that the capacity check counts it.
      placement: this.placement,
      container: { image: `${image}:${version}` },
    });
  }
}
