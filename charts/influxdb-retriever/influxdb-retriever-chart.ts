import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';
import type { Profile } from '../../profile/types';

export interface InfluxdbRetrieverChartProps extends DojotChartProps {
  readonly version: string;
  readonly logLevel: Profile['influxdb']['retrieverLogLevel'];
}

/** influxdb-retriever: its Deployment and Service. */
export class InfluxdbRetrieverChart extends DojotChart {
  constructor(scope: Construct, id: string, props: InfluxdbRetrieverChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.influxdbRetriever.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
