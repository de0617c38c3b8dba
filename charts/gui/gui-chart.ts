import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotApiService } from '../../lib/workloads';
import type { GuiContract } from './contract';

/** The contracts this chart reads. */
type GuiReads = { readonly gui: GuiContract };

export interface GuiChartProps extends DojotChartProps<GuiReads> {
  readonly version: string;
}

/** The GUI: its Deployment and Service (roles/gui of v0.6.0). */
export class GuiChart extends DojotChart<GuiReads> {
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
