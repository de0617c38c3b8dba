import type { k8s } from 'cdk8s-plus-27';

/**
 * The Secrets the workloads read, by name and key (the original's names). None is in dist/:
 * `npm run secrets` generates them with random passwords.
 */
export const SECRETS = {
  postgres: { name: 'postgres-secret', keys: ['user', 'password'] },
  mongodb: { name: 'mongodb-secret', keys: ['user', 'password'] },
  kong: { name: 'kong-secret', keys: ['user', 'password', 'db'] },
  auth: { name: 'auth-secret', keys: ['user', 'password'] },
  /** Only when auth's e-mail is enabled: the SMTP host, account and password, set by hand. */
  authEmail: { name: 'auth-secret', keys: ['email_host', 'email_user', 'email_passwd'] },
  x509IdentityMgmt: { name: 'x509-identity-mgmt-secret', keys: ['user', 'password'] },
  /** The Erlang distribution cookie the VerneMQ nodes share (v0.6.0 used the well-known `vmq`). */
  vernemq: { name: 'vernemq-secret', keys: ['cookie'] },
  /** device-manager's database user, and the key material it encrypts device secrets with (full flavours). */
  deviceManager: { name: 'devm-secret', keys: ['user', 'password', 'crypto_pass', 'crypto_iv', 'crypto_salt'] },
  /** MinIO's root credentials; image-manager uses them too (full flavours). */
  minio: { name: 'minio-secret', keys: ['access_key', 'secret_key'] },
  /** kafka2ftp's FTP account, created by hand for an FTP server of one's own (optional: anonymous without it). */
  kafka2ftp: { name: 'kafka2ftp-secret', keys: ['user', 'password'] },
  /** InfluxDB's first user, its password and its admin token (full flavours with InfluxDB). */
  influxdb: { name: 'influxdb-secret', keys: ['admin-user', 'admin-password', 'admin-token'] },
} as const;

type SecretRef = (typeof SECRETS)[keyof typeof SECRETS];

/** An environment variable read from a Secret's key. */
export function secretEnv<S extends SecretRef>(name: string, secret: S, key: S['keys'][number], optional?: boolean): k8s.EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secret.name, key, ...(optional ? { optional } : {}) } } };
}
