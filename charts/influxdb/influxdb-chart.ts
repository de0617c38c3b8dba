import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';
import type { Profile } from '../../profile/types';

export interface InfluxdbChartProps extends DojotChartProps {
  readonly influxdb: Profile['influxdb'];
}

/** InfluxDB: its StatefulSet, Service and setup Job. */
export class InfluxdbChart extends DojotChart {
  constructor(scope: Construct, id: string, props: InfluxdbChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.influxdb.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
