import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotService } from '../../lib/workloads';
import type { Profile } from '../../profile/types';

export interface MinioChartProps extends DojotChartProps {
  readonly minio: Profile['minio'];
}

/** MinIO: its StatefulSet and headless Service. */
export class MinioChart extends DojotChart {
  constructor(scope: Construct, id: string, props: MinioChartProps) {
    super(scope, id, props);
    // TODO(workloads): the Deployment/StatefulSet, from the v0.6.0 role's templates.
    for (const [key, service] of Object.entries(this.contracts.minio.services)) new DojotService(this, `${key}-service`, { contract: service, labels: { name: service.name } });
  }
}
