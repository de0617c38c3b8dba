import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { minioContract } from './contract';
import { MinioChart } from './minio-chart';

/** minio: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const minioComponent = component({
  name: 'minio',
  chartId: 'minio',
  role: 'object-store',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: minioContract,
  chart: (app, id, p, c: DojotChartProps<MinioChart['contracts']>) => new MinioChart(app, id, { ...c, minio: p.minio }),
});
