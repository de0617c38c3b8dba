import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { DojotApiService } from '../../lib/workloads';
import type { GuiV2Contract } from './contract';

/** The contracts this chart reads. */
type GuiV2Reads = { readonly guiV2: GuiV2Contract };

export interface GuiV2ChartProps extends DojotChartProps<GuiV2Reads> {
  readonly image: string;
  readonly version: string;
}

/** The GUI v2: its Deployment and Service (roles/gui-v2 of v0.6.0). */
export class GuiV2Chart extends DojotChart<GuiV2Reads> {
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
