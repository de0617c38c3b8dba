import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import { libpqEnv } from '../auth/start-contract';

const CONF = 'DeviceManager/conf.py (Config)';
const ENTRYPOINT = 'docker/entrypoint.sh';

/**
 * dojot/device-manager v0.6.0. `Dockerfile`: python:3.6-alpine, CMD `sh ./docker/entrypoint.sh`,
 * whose `start` runs `python docker/waitForDb.py -w 5 -r 5` (connects to PostgreSQL with no
 * database named, creates DBNAME when missing, which needs CREATEDB; exits 1 after five failures),
 * then `exec gunicorn DeviceManager.main:app --bind 0.0.0.0:5000 -k gevent`. Every variable is
 * read by `DeviceManager/conf.py`, whose `Config()` runs at import and raises when a crypto
 * variable is empty; the database URL (`get_db_url`) names no port. `DatabaseHandler.py` reads
 * SINGLE_TENANT. Kafka (`KafkaNotifier.py`, KAFKA_HOST:KAFKA_PORT) and data-broker (BROKER,
 * `/topic/<subject>`) are reached at the first device change, not at start. It has no Redis code:
 * its device-manager-redis serves nobody.
 */
export const deviceManagerStart: StartContract = {
  runs: 'sh ./docker/entrypoint.sh (start): python docker/waitForDb.py, then exec gunicorn DeviceManager.main:app --bind 0.0.0.0:5000',
  source: 'Dockerfile (CMD), docker/entrypoint.sh',
  env: [
    { name: 'GUNICORN_TIMEOUT', source: ENTRYPOINT, default: safe('30') },
    { name: 'DBHOST', source: CONF, default: safe('postgres'), peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' } },
    // v0.6.0's superuser, which ours is not.
    { name: 'DBUSER', source: CONF, default: unsafe('postgres'), credential: true },
    { name: 'DBPASS', source: CONF, default: unsafe('None (no password in the URL)'), credential: true },
    // Created by waitForDb.py on the first start (the user has CREATEDB: postgres/init-script.ts).
    { name: 'DBNAME', source: CONF, default: safe('dojot_devm') },
    // Any value set is a non-empty string, so true.
    { name: 'CREATE_DB', source: CONF, default: safe('True') },
    { name: 'DBDRIVER', source: CONF, default: safe('postgresql+psycopg2') },
    ...libpqEnv('docker/waitForDb.py, DeviceManager/DatabaseHandler.py'),
    { name: 'KAFKA_HOST', source: CONF, default: unsafe('kafka'), peer: { to: 'kafka', service: 'broker', port: 'kafka', part: 'host' } },
    { name: 'KAFKA_PORT', source: CONF, default: safe('9092'), peer: { to: 'kafka', service: 'broker', port: 'kafka', part: 'port' } },
    // data-broker's Service listens on 80, so its bare name is its URL.
    {
      name: 'BROKER',
      source: CONF,
      default: safe('http://data-broker'),
      peer: { to: 'dataBroker', service: 'api', port: 'http', part: 'url' },
    },
    { name: 'SUBJECT', source: CONF, default: safe('dojot.device-manager.device') },
    { name: 'DEVICE_SUBJECT', source: CONF, default: safe('device-data') },
    { name: 'STATUS_TIMEOUT', source: CONF, default: safe('5') },
    { name: 'LOG_LEVEL', source: CONF, default: safe('INFO') },
    // Required (Config raises when empty): the AES key's pass phrase and salt (PBKDF2) and the CBC IV.
    { name: 'DEV_MNGR_CRYPTO_PASS', source: CONF, credential: true },
    { name: 'DEV_MNGR_CRYPTO_IV', source: CONF, credential: true },
    { name: 'DEV_MNGR_CRYPTO_SALT', source: CONF, credential: true },
    // Any value set turns the per-tenant binds off.
    { name: 'SINGLE_TENANT', source: 'DeviceManager/DatabaseHandler.py', default: safe('False') },
  ],
};
