import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';

export interface PersisterChartProps extends DojotChartProps {
  readonly version: string;
}

/** persister: its Deployment. */
export class PersisterChart extends DojotChart {
  constructor(scope: Construct, id: string, props: PersisterChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
  }
}
