import type { ComponentContract, LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

export const MINIO_SELECTOR = { name: 'minio', app: 'dojot' } as const;

/** MinIO's data (`/data`). */
export const MINIO_VOLUME = {
  pvName: 'local-pv-minio',
  group: 'dojot',
  directory: 'minio',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'dojot', db: 'minio' },
  persistence: (p) => p.minio.persistence,
} as const satisfies LocalVolume;

/** MinIO, the object store of image-manager's firmware images: its headless Service. */
export function minioContract(p: Profile) {
  return {
    services: {
      s3: { name: 'minio', selector: MINIO_SELECTOR, ports: { s3: { name: 'minio', port: p.minio.port, targetPort: p.minio.port } } },
    },
    volumes: [MINIO_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type MinioContract = ReturnType<typeof minioContract>;
