/**
 * Facts of dojot/iotagent-mosca v0.6.0 (branch release/v0.6.0 = tag v0.6.0-rc.4, 32bfaeb; the
 * repository has no v0.6.0 tag).
 *
 * Certificates: at start `entrypoint.sh` runs `initialConf.py`, which fetches the CA chain, has a
 * new key's CSR signed and fetches the CRL from x509-identity-mgmt (`/internal/api/v1/throw-away`),
 * retrying every 30 s while it cannot connect and exiting 1 on any other error: the agent needs
 * x509-identity-mgmt to start. Its address comes from `conf.py`, whose variable name is
 * `"MOSCA_TLS_X509_IDENTITY_MGMT "` (trailing space), which a pod cannot portably set: the start
 * script always uses this default. The agent itself (`src/config.js`) reads the same variable
 * without the space, for its CRL refresh (at start, then every 2 h).
 *
 * `MQTTREST_EJBCA_URL`, which v0.6.0's template sets, is read by nothing in that source.
 */
export const START_SCRIPT_PKI_URL = 'http://x509-identity-mgmt:3000';
