import { randomBytes } from 'node:crypto';
import * as YAML from 'yaml';
import type { Profile } from '../../profile/types';
import { APP_LABEL } from '../../lib/labels';
import { deployedComponents } from '../../charts/flavours';
import { SECRETS } from '../../lib/secrets';

/** SMTP settings of auth's e-mail, read from the environment (never generated). */
export const AUTH_EMAIL_ENV = { email_host: 'AUTH_EMAIL_HOST', email_user: 'AUTH_EMAIL_USER', email_passwd: 'AUTH_EMAIL_PASSWD' } as const;

export interface SecretOptions {
  /** Namespace of the Secrets. @default the profile's namespace */
  readonly namespace?: string;
  /** Also device-manager's Secret when its flavour does not deploy it. @default false (the flavour decides) */
  readonly deviceManager?: boolean;
  /** Source of the SMTP settings when auth's e-mail is on. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Password generator, replaceable in tests. @default 24 random bytes, base64url */
  readonly password?: () => string;
}

/** A random password: 24 bytes from the OS's CSPRNG, URL-safe base64 (no quoting issues). */
export function randomPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The Secrets every workload of the profile reads (see lib/secrets.ts), with the profile's user
 * and database names and fresh random passwords, as a multi-document YAML for `kubectl apply -f -`.
 * Throws an Error naming the missing variables when auth's e-mail is on and its settings are not set.
 */
export function renderSecretManifests(profile: Profile, options: SecretOptions = {}): string {
  const namespace = options.namespace ?? profile.namespace;
  return Object.entries(secretData(profile, options))
    .map(([name, stringData]) =>
      YAML.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace, labels: { ...APP_LABEL } },
        type: 'Opaque',
        stringData,
      }),
    )
    .join('---\n');
}

/** Each Secret the profile's workloads read, by name, with its keys and values. */
export function secretData(profile: Profile, options: SecretOptions = {}): Record<string, Record<string, string>> {
  const password = options.password ?? randomPassword;
  const env = options.env ?? process.env;
  const pg = profile.postgres;

  const deployed = new Set(deployedComponents(profile));
  const data: Record<string, Record<string, string>> = {
    [SECRETS.postgres.name]: { user: pg.superUser, password: password() },
    [SECRETS.mongodb.name]: { user: profile.mongodb.superUser, password: password() },
    [SECRETS.kong.name]: { user: pg.kong.user, password: password(), db: pg.kong.db },
    [SECRETS.auth.name]: { user: pg.authUser, password: password() },
    [SECRETS.x509IdentityMgmt.name]: { user: pg.ejbca.user, password: password() },
  };
  if (deployed.has('vernemq')) data[SECRETS.vernemq.name] = { cookie: password() };
  if (deployed.has('deviceManager') || options.deviceManager) {
    data[SECRETS.deviceManager.name] = { user: pg.devmUser, password: password(), ...deviceManagerCrypto(password) };
  }
  if (deployed.has('minio')) data[SECRETS.minio.name] = { access_key: password(), secret_key: password() };
  // InfluxDB's first user keeps v0.6.0's name; its password and API token are new.
  if (deployed.has('influxdb'))
    data[SECRETS.influxdb.name] = { 'admin-user': 'dojot', 'admin-password': password(), 'admin-token': password() };
  if (profile.auth.emailEnabled) {
    const missing = Object.values(AUTH_EMAIL_ENV).filter((v) => !env[v]);
    if (missing.length) throw new Error(`auth.emailEnabled is on: set ${missing.join(', ')} (the SMTP host, account and password)`);
    for (const [key, variable] of Object.entries(AUTH_EMAIL_ENV)) data[SECRETS.authEmail.name][key] = env[variable] as string; // none missing, above
  }
  return data;
}

/**
 * device-manager's key material. Read from dojot/device-manager v0.6.0 (`DeviceManager/conf.py`,
 * `utils.py`; pycrypto 2.6.1): none is decoded; PASS and SALT feed PBKDF2 (any ASCII, the salt
 * 8 bytes or more); the IV goes to AES-CBC as is and must be exactly 16 bytes, so 16 ASCII
 * characters (pycrypto refuses any other length, at the first encryption of a device's PSK).
 */
export function deviceManagerCrypto(password: () => string): Record<'crypto_pass' | 'crypto_iv' | 'crypto_salt', string> {
  return { crypto_pass: password(), crypto_iv: randomBytes(8).toString('hex'), crypto_salt: randomBytes(16).toString('hex') };
}
