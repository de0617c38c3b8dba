import { generatedSecret, secretRef } from '../../lib/secrets';

/** x509-identity-mgmt's (EJBCA's) PostgreSQL user. */
export const X509_IDENTITY_MGMT_SECRET = secretRef('x509-identity-mgmt-secret', ['user', 'password']);

export const x509IdentityMgmtSecrets = [
  generatedSecret(X509_IDENTITY_MGMT_SECRET, ({ profile, password }) => ({ user: profile.postgres.ejbca.user, password: password() })),
];
