import { FULL, component } from '../component';
import { minioContract } from './contract';

/** minio: what the platform knows of it besides its chart. */
export const minioComponent = component({
  name: 'minio',
  chartId: 'minio',
  role: 'object-store',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: minioContract,
});
