import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotApiService } from '../../lib/workloads';

export interface GuiChartProps extends DojotChartProps {
  readonly version: string;
}

/** The GUI: its Deployment and Service (roles/gui of v0.6.0). */
export class GuiChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, ...props }: GuiChartProps) {
    super(scope, id, props);
    const { web } = this.contracts.gui.services;
    new DojotApiService(this, 'Web', {
      contract: web,
      placement: this.placement,
      container: { image: `dojot/gui:${version}` },
    });
  }
}
