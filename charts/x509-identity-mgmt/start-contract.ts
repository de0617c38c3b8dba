import { hostPort } from '../../lib/contract';
import { safe, unsafe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { mongodbContract } from '../mongodb/contract';
import { postgresContract } from '../postgres/contract';

const CONFIG = 'js/src/config.js';
const VARIABLES = 'ejbca/bin/dojot-custom/configuration-variables.sh';

/** Variables whose image default is the platform's: name, default, the script that reads it. */
const defaults = (source: string, pairs: readonly (readonly [string, string])[]): StartVariable[] =>
  pairs.map(([name, value]) => ({ name, source, default: safe(value) }));

/**
 * dojot/x509-identity-mgmt v0.6.0: dojot/dojot tag v0.6.0, `x509-identity-mgmt/`. `Dockerfile`:
 * FROM primekey/ejbca-ce:6.15.2.6, ENV NODE_APP_PORT 3000, USER 10001, CMD `/opt/entrypoint.sh`
 * (`entrypoint.sh`), which starts `node index.js` (`js/index.js`, `js/src/config.js`: the HTTP
 * server, then MongoDB, then EJBCA's SOAP API on 127.0.0.1:8443 with the client certificate the
 * setup writes into /opt/tls) and the image's own `/opt/primekey/bin/start.sh` (WildFly and EJBCA),
 * and exits when either ends. The dojot setup runs inside EJBCA's start through
 * `ejbca/bin/after-deployed-pre.sh` → `dojot-custom/exec.sh` (a lock file under /mnt/persistent,
 * then the CAs, profiles, services and TLS certificates, `configuration-variables.sh`);
 * `after-init-pre.sh` binds WildFly to 127.0.0.1 unless EJBCA_EXTERNAL_ACCESS is true.
 *
 * The primekey/ejbca-ce scripts that read DATABASE_JDBC_URL, DATABASE_USER and DATABASE_PASSWORD
 * are not in a public repository: those three are read from x509-identity-mgmt's
 * `examples/simple/docker-compose.yml` and PrimeKey's documentation of the image (without a JDBC
 * URL, EJBCA keeps its CAs in an in-memory H2 database). EJBCA_PERFORM_DOJOT_SETUP, which our chart
 * and v0.6.0's set, appears only in the READMEs: no script reads it, the setup always runs.
 */
export const x509IdentityMgmtStart = (p: Profile): StartContract => {
  const postgres = postgresContract(p).services.db;
  const mongodb = mongodbContract(p).services.db;
  return {
    runs: 'entrypoint.sh: node index.js & /opt/primekey/bin/start.sh &, then waits on both',
    source: 'Dockerfile (CMD), entrypoint.sh',
    env: [
      // EJBCA's database (primekey/ejbca-ce).
      {
        name: 'DATABASE_JDBC_URL',
        source: 'primekey/ejbca-ce:6.15.2.6 (examples/simple/docker-compose.yml)',
        default: unsafe('none: an in-memory H2 database'),
        value: `jdbc:postgresql://${hostPort(postgres, 'sql')}/${p.postgres.ejbca.db}?characterEncoding=UTF-8`,
      },
      { name: 'DATABASE_USER', source: 'primekey/ejbca-ce:6.15.2.6 (examples/simple/docker-compose.yml)', credential: true },
      { name: 'DATABASE_PASSWORD', source: 'primekey/ejbca-ce:6.15.2.6 (examples/simple/docker-compose.yml)', credential: true },
      // The Node.js service (js/src/config.js).
      { name: 'NODE_APP_PORT', source: `Dockerfile (ENV), ${CONFIG}`, default: safe('3000'), listens: { service: 'api', port: 'http' } },
      { name: 'NODE_ENV', source: CONFIG, default: safe('production') },
      {
        name: 'MONGO_URI',
        source: CONFIG,
        default: unsafe('mongodb://127.0.0.1:27017/x509-identity-mgmt'),
        value: `mongodb://${hostPort(mongodb, 'mongo')}/x509-identity-mgmt`,
      },
      // Our MongoDB runs without authentication (charts/mongodb): no user is right.
      ...defaults(CONFIG, [
        ['MONGO_USER', 'none'],
        ['MONGO_PASS', 'none'],
        ['MONGO_AUTH_DB', 'none'],
        ['MONGO_AUTO_IDX', 'true'],
        ['MONGO_POOL', '100'],
        ['MONGO_CONN_TIMEOUT_MS', '30000'],
        ['MONGO_HB_FREQ_MS', '10000'],
        ['MONGO_SOCKET_TIMEOUT_MS', '360000'],
        ['MONGO_CONN_IPV', '0'],
        ['MONGO_QUERY_MAX_TIME_MS', '30000'],
        ['TRUST_PROXY', 'false'],
        ['REQ_MAX_BODY_SIZE', '100kb'],
        ['REQ_PGNT_LIMIT', '25'],
        ['REQ_PGNT_MAX_LIMIT', '250'],
        ['TERMINUS_VERBATIM', 'true'],
        ['TERMINUS_TIMEOUT_MS', '5000'],
        ['TERMINUS_SIGNALS', 'SIGINT,SIGTERM'],
        // EJBCA in the same container, on the loopback (after-init-pre.sh).
        ['EJBCA_HEALTHCHECK', 'http://127.0.0.1:8080/ejbca/publicweb/healthcheck/ejbcahealth'],
        ['EJBCA_WSDL', 'https://127.0.0.1:8443/ejbca/ejbcaws/ejbcaws?wsdl'],
        // Unset, the client files are /opt/tls/ejbcaclient.*, where the setup writes them.
        ['EJBCA_TLS_CLIENT_DIR', 'none: /opt/tls'],
        ['EJBCA_CRL_FORCE_RENEW', 'false'],
        ['EJBCA_DEVICES_CA', 'X509 Identity CA'],
        ['EJBCA_SERVICES_CA', 'Services CA'],
        ['CERT_ALW_ATTR', 'CN'],
        ['CERT_ALW_ATTR_REGEX', 'CN: /^[0-9A-Za-z ]{1,255}$/'],
        ['CERT_MDT_ATTR', 'CN'],
        ['CERT_DN_O', 'dojot IoT Platform'],
        ['CERT_VALIDITY_DAYS', '365'],
        ['CERT_CHECK_PUBLIC_KEY', 'true'],
      ]),
      // The dojot setup of EJBCA.
      ...defaults('ejbca/bin/after-init-pre.sh', [['EJBCA_EXTERNAL_ACCESS', 'unset: WildFly on 127.0.0.1 only']]),
      ...defaults('ejbca/bin/dojot-custom/admin-creation.sh', [['EJBCA_ADMIN_USER', 'unset: no super admin']]),
      ...defaults('ejbca/bin/dojot-custom/exec.sh', [['DEBUG', 'unset']]),
      ...defaults(VARIABLES, [
        ['EJBCA_DEVICES_CA_CERT_PROFILE', 'X509IdentitiesCA'],
        ['EJBCA_INTERNAL_CA_CERT_PROFILE', 'InternalCA'],
        ['EJBCA_APP_SERVER_CERT_PROFILE', 'ApplicationServerEJBCA'],
        ['EJBCA_DEVICES_CERT_PROFILE', 'X509Identity'],
        ['EJBCA_INTERNAL_CERT_PROFILE', 'Internal'],
        ['EJBCA_APP_SERVER_ENTITY_PROFILE', 'ApplicationServerEJBCA'],
        ['EJBCA_DEVICES_ENTITY_PROFILE', 'X509Identity'],
        ['EJBCA_INTERNAL_ENTITY_PROFILE', 'Internal'],
        ['EJBCA_PKI_VALIDITY', '30y'],
        ['EJBCA_DISTNAME_O', 'dojot IoT Platform'],
        ['EJBCA_DISTNAME_OU', 'Certificate Issuer'],
        ['EJBCA_INTERNAL_CA', 'Internal CA'],
        ['EJBCA_CRL_EXPIRE_PERIOD_DEVICES_CA', '1d'],
        ['EJBCA_CRL_ISSUE_INTERVAL_DEVICES_CA', '0m'],
        ['EJBCA_CRL_OVERLAP_TIME_DEVICES_CA', '10m'],
        ['EJBCA_DELTA_CRL_PERIOD_DEVICES_CA', '1h'],
        ['EJBCA_CRL_EXPIRE_PERIOD_INTERNAL_CA', '1d'],
        ['EJBCA_CRL_ISSUE_INTERVAL_INTERNAL_CA', '0m'],
        ['EJBCA_CRL_OVERLAP_TIME_INTERNAL_CA', '10m'],
        ['EJBCA_DELTA_CRL_PERIOD_INTERNAL_CA', '1h'],
        ['EJBCA_CRL_UPDATER_SERVICE_NAME', 'CRL Updater'],
        ['EJBCA_CRL_UPDATER_SERVICE_INTERVAL_VALUE', '30'],
        ['EJBCA_CRL_UPDATER_SERVICE_INTERVAL_UNIT', 'MINUTES'],
        ['EJBCA_CA_RENEWER_SERVICE_NAME', 'CAs Renewer'],
        ['EJBCA_CA_RENEWER_SERVICE_INTERVAL_VALUE', '1'],
        ['EJBCA_CA_RENEWER_SERVICE_INTERVAL_UNIT', 'DAYS'],
        ['EJBCA_CA_RENEWER_SERVICE_TIME_BEFORE_EXP', '10'],
        ['EJBCA_CA_RENEWER_SERVICE_TIME_BEFORE_EXP_UNIT', 'DAYS'],
        ['EJBCA_SERVER_CERT_REGEN', 'false'],
        // The node service's client files are named after it (config.js: only with EJBCA_TLS_CLIENT_DIR).
        ['EJBCA_CLIENT_USERNAME', 'ejbcaclient'],
        ['EJBCA_CLIENT_COMMONNAME', 'EJBCA Client Application'],
        ['EJBCA_LOCK_FILE_TIMEOUT', '10'],
        ['EJBCA_ADMIN_USERNAME', 'admin'],
        ['EJBCA_ADMIN_COMMONNAME', 'Super Admin'],
        ['EJBCA_ENROLLMENT_INFO_DIR', '/mnt/persistent/enrollment'],
        ['EJBCA_CLI_DEBUG_PORT', '8998'],
      ]),
    ],
    peers: [
      { to: 'postgres', service: 'db', port: 'sql', source: 'DATABASE_JDBC_URL (primekey/ejbca-ce)' },
      { to: 'mongodb', service: 'db', port: 'mongo', source: `MONGO_URI (${CONFIG}, js/src/db.js)` },
    ],
  };
};
