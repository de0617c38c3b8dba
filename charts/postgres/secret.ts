import { generatedSecret, secretRef } from '../../lib/secrets';

/** PostgreSQL's superuser. */
export const POSTGRES_SECRET = secretRef('postgres-secret', ['user', 'password']);

export const postgresSecrets = [
  generatedSecret(POSTGRES_SECRET, ({ profile, password }) => ({ user: profile.postgres.superUser, password: password() })),
];
