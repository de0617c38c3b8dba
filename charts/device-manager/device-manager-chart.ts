import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';

export interface DeviceManagerChartProps extends DojotChartProps {
  readonly version: string;
}

/** device-manager and its Redis: Deployments and Services. */
export class DeviceManagerChart extends DojotChart {
  constructor(scope: Construct, id: string, props: DeviceManagerChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.deviceManager.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
