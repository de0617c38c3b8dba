import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';

export interface Kafka2ftpChartProps extends DojotChartProps {
  readonly version: string;
}

/** kafka2ftp: its Deployment. */
export class Kafka2ftpChart extends DojotChart {
  constructor(scope: Construct, id: string, props: Kafka2ftpChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
  }
}
