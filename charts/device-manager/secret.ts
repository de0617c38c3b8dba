import { randomBytes } from 'node:crypto';
import { generatedSecret, secretRef } from '../../lib/secrets';

/** device-manager's database user, and the key material it encrypts device secrets with. */
export const DEVICE_MANAGER_SECRET = secretRef('devm-secret', ['user', 'password', 'crypto_pass', 'crypto_iv', 'crypto_salt']);

/**
 * device-manager's key material. Read from dojot/device-manager v0.6.0 (`DeviceManager/conf.py`,
 * `utils.py`; pycrypto 2.6.1): none is decoded; PASS and SALT feed PBKDF2 (any ASCII, the salt
 * 8 bytes or more); the IV goes to AES-CBC as is and must be exactly 16 bytes, so 16 ASCII
 * characters (pycrypto refuses any other length, at the first encryption of a device's PSK).
 */
export function deviceManagerCrypto(password: () => string): Record<'crypto_pass' | 'crypto_iv' | 'crypto_salt', string> {
  return { crypto_pass: password(), crypto_iv: randomBytes(8).toString('hex'), crypto_salt: randomBytes(16).toString('hex') };
}

export const deviceManagerSecrets = [
  generatedSecret(DEVICE_MANAGER_SECRET, ({ profile, password }) => ({
    user: profile.postgres.devmUser,
    password: password(),
    ...deviceManagerCrypto(password),
  })),
];
