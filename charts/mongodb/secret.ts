import { generatedSecret, secretRef } from '../../lib/secrets';

/** MongoDB's root user. */
export const MONGODB_SECRET = secretRef('mongodb-secret', ['user', 'password']);

export const mongodbSecrets = [
  generatedSecret(MONGODB_SECRET, ({ profile, password }) => ({ user: profile.mongodb.superUser, password: password() })),
];
