import { MINIO_SECRET } from './secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { portOf } from '../../lib/contract';
import { secretEnv } from '../../lib/secrets';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { MINIO_VOLUME } from './contract';
import type { MinioContract } from './contract';

/** The contracts this chart reads. */
type MinioReads = { readonly minio: MinioContract };

export interface MinioChartProps extends DojotChartProps<MinioReads> {
  readonly minio: Profile['minio'];
}

/** The port MinIO listens on unless told otherwise (`minio server --help`). */
const MINIO_DEFAULT_PORT = 9000;

/** MinIO: its StatefulSet and headless Service (roles/minio of v0.6.0). */
export class MinioChart extends DojotChart<MinioReads> {
  constructor(scope: Construct, id: string, { minio, ...props }: MinioChartProps) {
    super(scope, id, props);
    const { s3 } = this.contracts.minio.services;
    const port = portOf(s3, 's3').port;
    const persistent = minio.persistence.enabled;

    new DojotService(this, 'Service', { contract: s3, labels: { name: s3.name }, spec: { clusterIp: 'None' } });
    // apps/v1 (the original wrote `apiVersion: v1`, which serves no StatefulSet). One replica:
    // profile validation refuses minio.clusterSize > 1.
    new DojotStatefulSet(this, 'StatefulSet', {
      name: s3.name,
      labels: dojotLabels(s3.name),
      serviceName: s3.name,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: s3.name,
          image: `dojot/minio:${minio.version}`,
          // The original only moved the Service's port; the server kept listening on 9000.
          args: ['server', ...(port === MINIO_DEFAULT_PORT ? [] : ['--address', `:${port}`]), '/data'],
          ports: [{ containerPort: port }],
          env: [secretEnv('MINIO_ACCESS_KEY', MINIO_SECRET, 'access_key'), secretEnv('MINIO_SECRET_KEY', MINIO_SECRET, 'secret_key')],
          volumeMounts: persistent ? [{ name: 'minio-volume', mountPath: '/data' }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'minio-volume' }, spec: claimSpec(this.storage, MINIO_VOLUME, minio.persistence) }]
        : undefined,
    });
  }
}
