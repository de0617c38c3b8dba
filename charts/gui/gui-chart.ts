import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService } from '../../lib/workloads';

export interface GuiChartProps extends DojotChartProps {
  readonly version: string;
}

/** The GUI: its Deployment and Service (roles/gui of v0.6.0). */
export class GuiChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, ...props }: GuiChartProps) {
    super(scope, id, props);
    const { web } = this.contracts.gui.services;
    new DojotService(this, 'Service', { contract: web, labels: { name: web.name } });
    new DojotDeployment(this, 'Deployment', {
      name: web.name,
      metadataLabels: { name: web.name, app: 'dojot' },
      labels: dojotLabels(web.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: web.name, image: `dojot/gui:${version}` }],
    });
  }
}
