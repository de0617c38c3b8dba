import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import type { Profile } from '../../profile/types';

export interface InfluxdbStorerChartProps extends DojotChartProps {
  readonly version: string;
  readonly logLevel: Profile['influxdb']['storerLogLevel'];
}

/** influxdb-storer: its Deployment. */
export class InfluxdbStorerChart extends DojotChart {
  constructor(scope: Construct, id: string, props: InfluxdbStorerChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
  }
}
