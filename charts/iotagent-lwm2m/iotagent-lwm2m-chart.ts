import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';
import type { Profile } from '../../profile/types';

export interface IotagentLwm2mChartProps extends DojotChartProps {
  readonly version: string;
  readonly lwm2m: Profile['iotagentLwm2m'];
}

/** iotagent-lwm2m: its Deployment and NodePort Service. */
export class IotagentLwm2mChart extends DojotChart {
  constructor(scope: Construct, id: string, props: IotagentLwm2mChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.iotagentLwm2m.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
