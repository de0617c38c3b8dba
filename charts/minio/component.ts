import { minioSecrets } from './secret';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { minioContract } from './contract';
import { MinioChart } from './minio-chart';
import { minioStart } from './start-contract';
import { alive, http, portIn, ready, starting } from '../../lib/probes';

/** minio: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const minioComponent = component({
  name: 'minio',
  chartId: 'minio',
  role: 'object-store',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: minioContract,
  images: [
    {
      image: 'dojot/minio:2019.09.20',
      runs: 'MinIO RELEASE.2019-09-18T21-55-05Z',
      endOfLife: [{ of: 'MinIO of 2019', source: 'https://github.com/minio/minio/releases' }],
    },
  ],
  secrets: minioSecrets,
  chart: (app, id, p, c: DojotChartProps<MinioChart['contracts']>) => new MinioChart(app, id, { ...c, minio: p.minio }),
  health: (_p, c) => ({
    // minio RELEASE.2019-09-18: /minio/health/live and /ready, no auth (cmd/healthcheck-router.go).
    minio: {
      minio: {
        readiness: ready(http('/minio/health/ready', portIn(c.services.s3, 's3'))),
        liveness: alive(http('/minio/health/live', portIn(c.services.s3, 's3'))),
        startup: starting(http('/minio/health/live', portIn(c.services.s3, 's3')), 60),
      },
    },
  }),
  start: () => ({ minio: { minio: minioStart } }),
  security: {
    minio: {
      minio: {
        dropAll: false,
        reason:
          'any uid works with a writable /data; root keeps the ownership of existing volumes (MinIO 2019-09 creates its certs directory under HOME)',
      },
    },
  },
});
