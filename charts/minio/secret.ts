import { generatedSecret, secretRef } from '../../lib/secrets';

/** MinIO's root credentials; image-manager uses them too. */
export const MINIO_SECRET = secretRef('minio-secret', ['access_key', 'secret_key']);

export const minioSecrets = [generatedSecret(MINIO_SECRET, ({ password }) => ({ access_key: password(), secret_key: password() }))];
