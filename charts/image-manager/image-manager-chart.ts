import { AUTH_SECRET } from '../auth/secret';
import { MINIO_SECRET } from '../minio/secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { hostPort } from '../../lib/contract';
import { secretEnv } from '../../lib/secrets';
import { DojotApiService, env } from '../../lib/workloads';
import type { MinioContract } from '../minio/contract';
import type { PostgresContract } from '../postgres/contract';
import { libpqPort } from '../postgres/libpq';
import type { ImageManagerContract } from './contract';

/** The contracts this chart reads. */
type ImageManagerReads = {
  readonly minio: MinioContract;
  readonly postgres: PostgresContract;
  readonly imageManager: ImageManagerContract;
};

export interface ImageManagerChartProps extends DojotChartProps<ImageManagerReads> {
  readonly version: string;
}

/** image-manager: firmware images in MinIO, metadata in PostgreSQL (roles/image-manager of v0.6.0). */
export class ImageManagerChart extends DojotChart<ImageManagerReads> {
  constructor(scope: Construct, id: string, { version, ...props }: ImageManagerChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.imageManager.services;
    const { minio, postgres } = this.contracts;
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/image-manager:${version}`,
        env: [
          // host:port without a scheme: image-manager passes it to Minio(S3URL, ..., secure=False)
          // (dojot/image-manager v0.6.0, ImageManager/DatabaseModels.py).
          env('S3URL', hostPort(minio.services.s3, 's3')),
          // MinIO's own keys; the original repeated them as separate literals.
          secretEnv('S3ACCESSKEY', MINIO_SECRET, 'access_key'),
          secretEnv('S3SECRETKEY', MINIO_SECRET, 'secret_key'),
          env('DBHOST', postgres.services.db.name),
          // Neither its SQLAlchemy URL nor docker/waitForDb.py names a port (ImageManager/conf.py):
          // libpq's PGPORT, else 5432. Set when PostgreSQL's port is another (v0.6.0 could not move it).
          ...libpqPort(postgres),
          // auth's database user, as the original's image-manager-secret held.
          secretEnv('DBUSER', AUTH_SECRET, 'user'),
          secretEnv('DBPASS', AUTH_SECRET, 'password'),
        ],
      },
    });
  }
}
