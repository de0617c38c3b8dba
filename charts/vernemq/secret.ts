import { generatedSecret, secretRef } from '../../lib/secrets';

/** The Erlang distribution cookie the VerneMQ nodes share (v0.6.0 used the well-known `vmq`). */
export const VERNEMQ_SECRET = secretRef('vernemq-secret', ['cookie']);

export const vernemqSecrets = [generatedSecret(VERNEMQ_SECRET, ({ password }) => ({ cookie: password() }))];
