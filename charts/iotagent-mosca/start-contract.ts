import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { deviceManagerContract } from '../device-manager/contract';
import { kafkaContract } from '../kafka/contract';
import { x509IdentityMgmtContract } from '../x509-identity-mgmt/contract';

const CONFIG = 'src/config.js';
/** @dojot/dojot-module 0.1.1 (through @dojot/iotagent-nodejs 2.2.0): the same variables, the same defaults. */
const MODULE = `${CONFIG}; @dojot/dojot-module 0.1.1 lib/config.js reads it too, with the same default`;
const CONF_PY = 'conf.py (initialConf.py, run by entrypoint.sh)';

/**
 * dojot/iotagent-mosca v0.6.0: branch release/v0.6.0 (= tag v0.6.0-rc.4, 32bfaeb; the repository
 * has no v0.6.0 tag). `Dockerfile`: ENTRYPOINT tini, CMD `/opt/iot-agent/entrypoint.sh`, which runs
 * `python initialConf.py` (exits 1 unless it gets the CA chain, a signed certificate for a new
 * RSA-4096 key and the CRL from x509-identity-mgmt's `/internal/api/v1/throw-away`, retrying every
 * 30 s while it cannot connect; `conf.py`, `certUtils.py`), then `node ./src/index.js`. `src/config.js`
 * is the agent's configuration; @dojot/iotagent-nodejs 2.2.0 (`lib/index.js`) hands it to
 * @dojot/dojot-module 0.1.1 (`lib/messenger.js`, `lib/auth.js`, `lib/kafka/TopicManager.js`), whose
 * own `lib/config.js` reads the same variables with the same defaults. `src/mosca.js` listens on 8883
 * always, on 1883 with ALLOW_UNSECURED_MODE, and takes Redis (its sidecar) for its backend and
 * persistence; `src/app.js` serves `/healthCheck` on 10001. The certificates are written into the
 * image (`./mosca/certs`), not read from a volume.
 *
 * `conf.py` reads the x509-identity-mgmt address from `"MOSCA_TLS_X509_IDENTITY_MGMT "` (a trailing
 * space, which a pod cannot portably set): the start script always uses its default. The agent's
 * MQTTREST_EJBCA_URL of v0.6.0's template is read by nothing.
 */
export const iotagentMoscaStart = (p: Profile): StartContract => {
  const pki = x509IdentityMgmtContract(p).services.api;
  return {
    runs: 'entrypoint.sh: python initialConf.py && node ./src/index.js (under tini)',
    source: 'Dockerfile (ENTRYPOINT, CMD), entrypoint.sh',
    env: [
      // initialConf.py: its certificate and the x509-identity-mgmt it asks.
      {
        name: 'MOSCA_TLS_X509_IDENTITY_MGMT ',
        source: `${CONF_PY}, with the trailing space`,
        default: safe('http://x509-identity-mgmt:3000'),
        value: serviceUrl(pki, 'http'),
      },
      { name: 'HOSTNAME', source: CONF_PY, default: safe('the pod name, which Kubernetes sets') },
      { name: 'MOSCA_TLS_CNAME', source: CONF_PY, default: safe('HOSTNAME') },
      // The certificate's DNS names: the name devices reach it by.
      { name: 'MOSCA_TLS_DNS_LIST', source: CONF_PY, default: unsafe('mqtt,mosca,localhost'), value: p.domainName },
      // The agent (src/config.js).
      { name: 'BACKEND_HOST', source: `${CONFIG} (src/mosca.js: Redis)`, default: unsafe('mosca-redis'), value: 'localhost' },
      { name: 'BACKEND_PORT', source: `${CONFIG} (src/mosca.js: Redis)`, default: safe('6379') },
      {
        name: 'ALLOW_UNSECURED_MODE',
        source: `${CONFIG} (src/mosca.js: 1883)`,
        default: { value: 'false', safe: !p.vernemq.insecureMqtt },
        value: String(p.vernemq.insecureMqtt),
      },
      { name: 'LOG_LEVEL', source: CONFIG, default: safe('info') },
      { name: 'MOSCA_TLS_SECURE_CERT', source: CONFIG, default: safe('./mosca/certs/mosca.crt') },
      { name: 'MOSCA_TLS_SECURE_KEY', source: CONFIG, default: safe('./mosca/certs/mosca.key') },
      { name: 'MOSCA_TLS_CA_CERT', source: CONFIG, default: safe('./mosca/certs/ca.crt') },
      { name: 'MOSCA_TLS_CA_CRL', source: CONFIG, default: safe('./mosca/certs/ca.crl') },
      // Its CRL refresh (src/certificates.js), at start and then by cron.
      {
        name: 'MOSCA_TLS_X509_IDENTITY_MGMT',
        source: `${CONFIG} (src/certificates.js)`,
        default: safe('http://x509-identity-mgmt:3000'),
        value: serviceUrl(pki, 'http'),
      },
      { name: 'MOSCA_TLS_CRL_UPDATE_TIME', source: CONFIG, default: safe('0 */2 * * *') },
      { name: 'MOSCA_TLS_CON_MAX_LIFETIME', source: CONFIG, default: safe('7200000') },
      { name: 'MOSCA_TLS_CON_IDLE_TIMEOUT', source: CONFIG, default: safe('1800000') },
      { name: 'HC_UPTIME_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MEMORY_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_CPU_USAGE_TIMEOUT', source: CONFIG, default: safe('300000') },
      { name: 'HC_MONGODB_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'HC_KAFKA_TIMEOUT', source: CONFIG, default: safe('30000') },
      { name: 'KAFKA_HOSTS', source: MODULE, default: unsafe('kafka:9092'), value: hostPort(kafkaContract(p).services.broker, 'kafka') },
      // @dojot/iotagent-nodejs 2.2.0 lib/index.js overrides config.js's default with a new group at
      // every start, which would skip what was published while it was down.
      {
        name: 'KAFKA_GROUP_ID',
        source: `${CONFIG}; @dojot/iotagent-nodejs 2.2.0 lib/index.js`,
        default: unsafe('iotagent-<a new uuid>'),
      },
      { name: 'DOJOT_SUBSCRIPTION_HOLDOFF', source: MODULE, default: safe('2500') },
      // URLs with the port: the types' `peer` has no such part, hence `value` and `peers`.
      {
        name: 'DATA_BROKER_URL',
        source: MODULE,
        default: safe('http://data-broker'),
        value: serviceUrl(dataBrokerContract(p).services.api, 'http'),
      },
      { name: 'AUTH_URL', source: MODULE, default: safe('http://auth:5000'), value: serviceUrl(authContract(p).services.api, 'http') },
      {
        name: 'DEVICE_MANAGER_URL',
        source: MODULE,
        default: safe('http://device-manager:5000'),
        value: serviceUrl(deviceManagerContract(p).services.api, 'http'),
      },
      // The user name of the management token it makes (lib/auth.js), not a credential: auth checks no signature.
      { name: 'DOJOT_MANAGEMENT_USER', source: MODULE, default: safe('dojot-management') },
      { name: 'DOJOT_MANAGEMENT_TENANT', source: MODULE, default: safe('dojot-management') },
      { name: 'DOJOT_SUBJECT_TENANCY', source: MODULE, default: safe('dojot.tenancy') },
      { name: 'DOJOT_SUBJECT_DEVICES', source: MODULE, default: safe('dojot.device-manager.device') },
      { name: 'DOJOT_SUBJECT_DEVICE_DATA', source: MODULE, default: safe('device-data') },
      { name: 'DEV_TO_DOJOT_PAYLOAD_MAX_SIZE', source: CONFIG, default: safe('256000000') },
      { name: 'DOJOT_TO_DEV_PAYLOAD_MAX_SIZE', source: CONFIG, default: safe('256000000') },
    ],
    peers: [
      // conf.py's fixed address (above), and the agent's clients.
      { to: 'x509IdentityMgmt', service: 'api', port: 'http', source: `${CONF_PY}, certUtils.py; src/certificates.js` },
      { to: 'kafka', service: 'broker', port: 'kafka', source: 'KAFKA_HOSTS (@dojot/dojot-module lib/kafka/Consumer.js, Producer.js)' },
      { to: 'dataBroker', service: 'api', port: 'http', source: 'DATA_BROKER_URL (lib/kafka/TopicManager.js)' },
      { to: 'auth', service: 'api', port: 'http', source: 'AUTH_URL (lib/auth.js getTenants)' },
      { to: 'deviceManager', service: 'api', port: 'http', source: 'DEVICE_MANAGER_URL (@dojot/iotagent-nodejs lib/index.js)' },
    ],
  };
};

/**
 * Its Redis sidecar, dojot/redis:5.0.5-alpine3.10: dojot's copy of the official image
 * (docker-library/redis `5.0/alpine` at Redis 5.0.5 on Alpine 3.10, commit cc7b7dbb):
 * `docker-entrypoint.sh` reads no variable and runs `redis-server` with no configuration file
 * (port 6379, no password), which is what the agent's BACKEND_* expect.
 */
export const moscaRedisStart: StartContract = {
  runs: 'docker-entrypoint.sh redis-server',
  source: 'docker-library/redis 5.0/alpine/Dockerfile (ENTRYPOINT, CMD), 5.0/alpine/docker-entrypoint.sh',
  env: [],
  probeBinaries: [{ binary: 'redis-cli', source: 'docker-library/redis 5.0/alpine/Dockerfile: make -C /usr/src/redis install' }],
};
