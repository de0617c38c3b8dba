import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { kafkaContract } from '../kafka/contract';
import { x509IdentityMgmtContract } from '../x509-identity-mgmt/contract';
import type { BridgeName } from './contract';

/** A default that is right exactly when it is the contract's value (a profile can move the port). */
const contractDefault = (value: string, expected: string) => ({ value, safe: value === expected });

/**
 * The Kafka broker list the three images default to (the bridges' `bin/entryPoint.sh` and
 * `config/default.conf`, kafka-loopback's `bin/entrypoint.sh`): Kafka's Service on its default
 * port. Their charts set the variable only when the profile moves that port, as v0.6.0 never did.
 */
export const IMAGE_KAFKA_LIST = 'kafka-server:9092';

/** What differs between the two bridges' start paths. */
const BRIDGES = {
  'v2k-bridge': { prefix: 'V2K', dir: 'v2k_bridge', kafka: 'PRODUCER_METADATA_BROKER_LIST', kafkaKey: 'producer.metadata.broker.list' },
  'k2v-bridge': { prefix: 'K2V', dir: 'k2v_bridge', kafka: 'CONSUMER_METADATA_BROKER_LIST', kafkaKey: 'consumer.metadata.broker.list' },
} as const;

/** The variable that gives each bridge its Kafka brokers: entryPoint.sh waits for them, the SDK's client takes them. */
export const BRIDGE_KAFKA_VARIABLE = {
  'v2k-bridge': `${BRIDGES['v2k-bridge'].prefix}_${BRIDGES['v2k-bridge'].kafka}`,
  'k2v-bridge': `${BRIDGES['k2v-bridge'].prefix}_${BRIDGES['k2v-bridge'].kafka}`,
} as const satisfies Record<BridgeName, string>;

/**
 * dojot/v2k-bridge and dojot/k2v-bridge v0.6.0: dojot/dojot tag v0.6.0,
 * `connector/mqtt/vernemq/v2k-bridge/` and `k2v-bridge/` (the same start path, their variables
 * prefixed V2K_ and K2V_). `Dockerfile`: ENTRYPOINT tini, CMD `./bin/entryPoint.sh npm run app`.
 * `bin/entryPoint.sh` waits for a Kafka broker of its list (`nc -z`, 3 tries 3 s apart, then exits
 * 1), runs `bin/scripts_tls/ejbca_client.sh` (`_initVariables.sh`: waits up to 180 s for
 * x509-identity-mgmt's `/healthcheck`, makes a key, has its CSR signed at
 * `/internal/api/v1/throw-away`, fetches the CA and the CRL, checks the chain; exits non-zero on
 * failure), then execs `node index.js` (package.json `app`). `index.js` loads its configuration
 * with @dojot/microservice-sdk (0.1.11 for v2k, 0.1.9 for k2v; `lib/configManager/Manager.js`):
 * `config/default.conf`, under the user file (none in the image: `fileManager/Reader.js` skips
 * it), under every `<PREFIX>_*` variable as a key (`parsers/EnvVars.js`: `_` → `.`, `__` → `_`).
 * The MQTT client reaches VerneMQ's `vernemq-k8s:8883` with the certificate, as the user named
 * after its host name (`mqtt.username`), which dojot's ACL plugin matches against
 * PLUGIN_ACL_*_SERVICENAME; lightship 6.2.1 serves `/live` and `/ready` on its default 9000.
 */
export const bridgeStart = (p: Profile, name: BridgeName): StartContract => {
  const b = BRIDGES[name];
  const kafka = hostPort(kafkaContract(p).services.broker, 'kafka');
  const x509 = hostPort(x509IdentityMgmtContract(p).services.api, 'http');
  const entry = 'bin/entryPoint.sh';
  const tls = 'bin/scripts_tls/_initVariables.sh';
  const sdk = (key: string) => `config/default.conf (${key}), read as this variable by @dojot/microservice-sdk parsers/EnvVars.js`;
  return {
    runs: `bin/entryPoint.sh npm run app: Kafka reachable, certificates from x509-identity-mgmt, then node index.js (under tini)`,
    source: `Dockerfile (ENTRYPOINT, CMD), ${entry}, package.json (scripts.app)`,
    env: [
      { name: `${b.prefix}_APP_BASEDIR`, source: entry, default: safe(`/opt/${b.dir}`) },
      { name: `${b.prefix}_APP_CONNECTION_RETRY_COUNT`, source: entry, default: safe('3') },
      { name: `${b.prefix}_APP_CONNECTION_RETRY_TIMEOUT`, source: entry, default: safe('3') },
      // host:port, to which _initVariables.sh prefixes http:// (the types' `peer` has no such part).
      {
        name: `${b.prefix}_APP_EJBCA_ADDRESS`,
        source: `${entry}, ${tls}`,
        default: contractDefault('x509-identity-mgmt:3000', x509),
        value: x509,
      },
      // Its certificate's CN, MQTT client id and user name: the pod's name, which holds the bridge's
      // (v2k-bridge-0 ...), as the broker's ACL plugin requires.
      { name: `${b.prefix}_APP_HOSTNAME`, source: `${entry}, ${tls}, config/default.conf`, default: safe('HOSTNAME') },
      { name: 'HOSTNAME', source: entry, default: safe('the pod name, which Kubernetes sets') },
      // entryPoint.sh waits for it, the SDK's Kafka client is given it (node-rdkafka).
      {
        name: BRIDGE_KAFKA_VARIABLE[name],
        source: `${entry}; ${sdk(b.kafkaKey)}`,
        default: contractDefault(IMAGE_KAFKA_LIST, kafka),
        value: kafka,
      },
      { name: `${b.prefix}_APP_USER_CONFIG_FILE`, source: 'index.js', default: safe('production.conf (none in the image)') },
      {
        name: `${b.prefix}_MQTT_HOST`,
        source: sdk('mqtt.host'),
        default: safe('vernemq-k8s'),
        peer: { to: 'vernemq', service: 'internal', port: 'mqtts', part: 'host' },
      },
      {
        name: `${b.prefix}_MQTT_PORT`,
        source: sdk('mqtt.port'),
        default: safe('8883'),
        peer: { to: 'vernemq', service: 'internal', port: 'mqtts', part: 'port' },
      },
      { name: `${b.prefix}_MQTT_PROTOCOL`, source: sdk('mqtt.protocol'), default: safe('mqtts') },
      { name: 'CHECKEND_EXPIRATION_SEC', source: tls, default: safe('43200') },
      { name: 'CRL_UPDATE_TIME', source: tls, default: safe('0 */2 * * *') },
      { name: 'CHECK_EXPIRATION_TIME', source: tls, default: safe('0 1 * * *') },
      { name: 'CHECK_BROKER_CERT_REVOKED_TIME', source: tls, default: safe('0 */3 * * *') },
      { name: 'USE_VMQ_OPERATOR', source: tls, default: safe('n (read into isK8sEnv, which nothing reads)') },
      { name: 'DEBUG', source: entry, default: safe('unset') },
    ],
    peers: [
      { to: 'kafka', service: 'broker', port: 'kafka', source: `${BRIDGE_KAFKA_VARIABLE[name]} (${entry}, app/AgentMessenger.js)` },
      {
        to: 'x509IdentityMgmt',
        service: 'api',
        port: 'http',
        source: `${b.prefix}_APP_EJBCA_ADDRESS (bin/scripts_tls/ejbca_client.sh, signCert.sh)`,
      },
    ],
  };
};

/**
 * dojot/kafka-loopback v0.6.0: dojot/dojot tag v0.6.0, `tools/kafka/loopback/`. `Dockerfile`: FROM
 * confluentinc/cp-kafkacat:5.4.1 (plus curl, expect, jq), ENTRYPOINT `./bin/entrypoint.sh`, which
 * logs in to auth as DOJOT_USERNAME (POST to AUTH_ADDRESS itself), asks data-broker for the
 * `device-data` and `dojot.device-manager.device` topics of that user's tenant, then runs
 * `kafkacat -C | unbuffer -p jq | kafkacat -P` and ends when the pipe breaks (or at once, exit 1,
 * without a token). The chart sets none of its variables, as v0.6.0 did not, but KAFKA_BROKER_LIST
 * when the profile moves Kafka's port.
 *
 * DOJOT_USERNAME and DOJOT_PASSWORD are a credential the types cannot express: auth v0.6.0
 * (`auth/initialConf.py`, create_users) makes its one user admin with the password admin, a
 * literal of its source that no generated Secret can hold; the defaults are that user, and stop
 * working once someone changes the admin's password.
 */
export const kafkaLoopbackStart = (p: Profile): StartContract => {
  const entry = 'bin/entrypoint.sh';
  const kafka = hostPort(kafkaContract(p).services.broker, 'kafka');
  const auth = serviceUrl(authContract(p).services.api, 'http');
  const dataBroker = serviceUrl(dataBrokerContract(p).services.api, 'http');
  return {
    runs: 'bin/entrypoint.sh: a token from auth, the topics from data-broker, then kafkacat -C | unbuffer -p jq | kafkacat -P',
    source: 'Dockerfile (ENTRYPOINT), bin/entrypoint.sh',
    env: [
      { name: 'DOJOT_USERNAME', source: `${entry}; auth v0.6.0 auth/initialConf.py (create_users)`, default: safe('admin') },
      { name: 'DOJOT_PASSWORD', source: `${entry}; auth v0.6.0 auth/initialConf.py (create_users)`, default: safe('admin') },
      // URLs with the port and host:port lists (the types' `peer` has no such part): `value` and `peers`.
      { name: 'AUTH_ADDRESS', source: entry, default: contractDefault('http://auth:5000', auth), value: auth },
      { name: 'DATA_BROKER_ADDRESS', source: entry, default: contractDefault('http://data-broker:80', dataBroker), value: dataBroker },
      { name: 'KAFKA_BROKER_LIST', source: entry, default: contractDefault(IMAGE_KAFKA_LIST, kafka), value: kafka },
      { name: 'LOOPBACK_CONSUMER_GROUP', source: entry, default: safe('loopback-group') },
      { name: 'DEVICE_DATA_TOPIC', source: entry, default: safe('device-data') },
      { name: 'DEVICE_MANAGER_TOPIC', source: entry, default: safe('dojot.device-manager.device') },
      { name: 'DEBUG', source: entry, default: safe('unset') },
    ],
    peers: [
      { to: 'auth', service: 'api', port: 'http', source: `AUTH_ADDRESS (${entry}: curl -X POST)` },
      { to: 'dataBroker', service: 'api', port: 'http', source: `DATA_BROKER_ADDRESS (${entry}: /topic/...)` },
      { to: 'kafka', service: 'broker', port: 'kafka', source: `KAFKA_BROKER_LIST (${entry}: kafkacat -b)` },
    ],
    // Its probe is `sh -c grep ... /proc/[0-9]*/cmdline` (lib/probes.ts running): the test admits sh and grep.
  };
};
