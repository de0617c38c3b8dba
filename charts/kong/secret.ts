import { generatedSecret, secretRef } from '../../lib/secrets';

/** Kong's PostgreSQL user and database. */
export const KONG_SECRET = secretRef('kong-secret', ['user', 'password', 'db']);

export const kongSecrets = [
  generatedSecret(KONG_SECRET, ({ profile, password }) => ({
    user: profile.postgres.kong.user,
    password: password(),
    db: profile.postgres.kong.db,
  })),
];
