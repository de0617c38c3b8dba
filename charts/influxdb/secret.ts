import { generatedSecret, secretRef } from '../../lib/secrets';

/** InfluxDB's first user, its password and its admin token. */
export const INFLUXDB_SECRET = secretRef('influxdb-secret', ['admin-user', 'admin-password', 'admin-token']);

// The first user keeps v0.6.0's name; its password and API token are new.
export const influxdbSecrets = [
  generatedSecret(INFLUXDB_SECRET, ({ password }) => ({ 'admin-user': 'dojot', 'admin-password': password(), 'admin-token': password() })),
];
