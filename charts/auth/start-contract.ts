import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract, type StartPeer, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { kafkaContract } from '../kafka/contract';
import { kongContract } from '../kong/contract';

const CONF = 'auth/conf.py';
const APP_RUN = 'appRun.sh';

/**
 * dojot.module 0.1.0 (dojot/dojot-module-python, tag 0.1.0; the PyPI sdist holds the same files):
 * `Config()` runs `load_defaults` then `load_env` (dojot/module/config.py), whatever the service
 * passes it. Its Kafka clients (kafka/producer.py, kafka/consumer.py) take `bootstrap_servers` from
 * KAFKA_HOSTS; its TopicManager asks DATA_BROKER_URL for topics (kafka/topic_manager.py), its Auth
 * asks AUTH_URL for the tenants (auth.py), `Messenger.request_device` asks DEVICE_MANAGER_URL (only
 * from `generate_device_create_event_for_active_devices`, which neither auth nor persister calls).
 * `overrides` replaces entries by name where a service reads one differently.
 */
export const DOJOT_MODULE_CONFIG = 'dojot.module 0.1.0 dojot/module/config.py (Config.load_env)';

export function dojotModuleEnv(p: Profile, overrides: readonly StartVariable[] = []): StartVariable[] {
  const source = DOJOT_MODULE_CONFIG;
  const own: StartVariable[] = [
    // Split on commas into both clients' bootstrap_servers; its default names no Service of ours.
    { name: 'KAFKA_HOSTS', source, default: unsafe('kafka:9092'), value: hostPort(kafkaContract(p).services.broker, 'kafka') },
    { name: 'KAFKA_GROUP_ID', source, default: safe('my-module-python') },
    { name: 'DOJOT_KAFKA_SUBSCRIPTION_HOLDOFF', source, default: safe('2.5') },
    { name: 'DOJOT_KAFKA_POLL_TIMEOUT', source, default: safe('2000') },
    // data-broker's Service listens on 80, so its bare name is its URL.
    {
      name: 'DATA_BROKER_URL',
      source,
      default: safe('http://data-broker'),
      peer: { to: 'dataBroker', service: 'api', port: 'http', part: 'url' },
    },
    // Read, never used by what auth and persister call (Messenger.request_device only).
    { name: 'DEVICE_MANAGER_URL', source, default: safe('http://device-manager:5000') },
    { name: 'AUTH_URL', source, default: safe('http://auth:5000') },
    { name: 'DOJOT_MANAGEMENT_USER', source, default: safe('dojot-management') },
    { name: 'DOJOT_MANAGEMENT_TENANT', source, default: safe('dojot-management') },
    { name: 'DOJOT_SUBJECT_TENANCY', source, default: safe('dojot.tenancy') },
    { name: 'DOJOT_SUBJECT_DEVICES', source, default: safe('dojot.device-manager.device') },
    { name: 'DOJOT_SUBJECT_DEVICE_DATA', source, default: safe('device-data') },
  ];
  return own.map((v) => overrides.find((o) => o.name === v.name) ?? v);
}

/** The brokers dojot.module's clients bootstrap from (KAFKA_HOSTS is `host:port`, which no `peer.part` names). */
export const kafkaPeer = (source: string): StartPeer => ({ to: 'kafka', service: 'broker', port: 'kafka', source });

/**
 * libpq (psycopg2 2.7.4 links it): the variables it falls back on where a connection names no
 * port or database. auth and device-manager name neither port anywhere (their SQLAlchemy URL is
 * `driver://user:password@host/db`), and their first connection, the one that creates their
 * database, names no database either: libpq then takes the user's name, a database
 * charts/postgres/init-script.ts creates for each of their users.
 */
export function libpqEnv(source: string): StartVariable[] {
  return [
    {
      name: 'PGPORT',
      source: `${source}, libpq (no port in any connection)`,
      default: safe('5432'),
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'port' },
    },
    { name: 'PGDATABASE', source: `${source} (psycopg2.connect names no database), libpq`, default: safe("the user's name") },
  ];
}

/**
 * dojot/auth v0.6.0. `Dockerfile`: python:3.6-alpine, CMD `sh ./appRun.sh start`. `appRun.sh`:
 * `cd auth`, `python ./initialConf.py` (exits on failure), then `exec gunicorn webRoutes:app
 * --bind 0.0.0.0:5000 -k gevent`. `initialConf.py` connects to PostgreSQL with no database named
 * (psycopg2), creates AUTH_DB_NAME when missing (its user needs CREATEDB) with its schema, then
 * adds the admin user (password `admin`, fixed in the file) after registering it as a Kong consumer
 * (`kongUtils.configure_kong`, AUTH_KONG_URL); it exits 0 once the admin exists. Every variable is
 * read by `auth/conf.py` at import. `webRoutes.py` starts `controller/KafkaPublisher.py`, a
 * dojot.module Messenger whose `auth.url` it fixes to http://localhost:5000 (itself, in the pod),
 * so AUTH_URL is overridden. `database/Cache.py` builds `redis://USER:PWD@HOST:6379/DB`, the port
 * fixed: the Redis beside it in the pod. `controller/PasswordController.py`, imported by
 * webRoutes.py, compiles `password_blacklist.txt` into `compiledPwdBlacklist.bin` in its working
 * directory /usr/src/app/auth at import when the file is missing, which the image never ships
 * (`.gitignore`: `*.bin`; the Dockerfile builds none), and only a missing list is caught: the
 * write must succeed (component.ts, security).
 */
export function authStart(p: Profile): StartContract {
  const email = p.auth.emailEnabled;
  const kongAdmin = serviceUrl(kongContract(p).services.internal, 'admin');
  // The SMTP account: credentials when e-mail is on, unused otherwise.
  const account: StartVariable[] = ['AUTH_EMAIL_USER', 'AUTH_EMAIL_PASSWD'].map((name) =>
    email ? { name, source: CONF, default: unsafe(''), credential: true } : { name, source: CONF, default: safe('') },
  );
  return {
    runs: 'sh ./appRun.sh start: python ./initialConf.py, then exec gunicorn webRoutes:app --bind 0.0.0.0:5000',
    source: 'Dockerfile (CMD), appRun.sh',
    env: [
      { name: 'GUNICORN_TIMEOUT', source: APP_RUN, default: safe('30') },
      // The database: initialConf.py create_database and populate, database/flaskAlchemyInit.py.
      {
        name: 'AUTH_DB_HOST',
        source: CONF,
        default: safe('postgres'),
        peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' },
      },
      { name: 'AUTH_DB_USER', source: CONF, default: unsafe('auth'), credential: true },
      { name: 'AUTH_DB_PWD', source: CONF, default: unsafe(''), credential: true },
      // Created by initialConf.py on the first start (the user has CREATEDB: postgres/init-script.ts).
      { name: 'AUTH_DB_NAME', source: CONF, default: safe('dojot_auth') },
      // Any value set is a non-empty string, so true: the database is always created when missing.
      { name: 'AUTH_DB_CREATE', source: CONF, default: safe('True') },
      ...libpqEnv('auth/initialConf.py create_database, auth/database/flaskAlchemyInit.py'),
      // The cache (database/Cache.py): only 'redis' and 'NOCACHE' start; the Redis is the pod's own.
      { name: 'AUTH_CACHE_NAME', source: CONF, default: safe('redis'), value: 'redis' },
      { name: 'AUTH_CACHE_HOST', source: CONF, default: unsafe('redis'), value: 'localhost' },
      // redis 3.3.11 (ConnectionPool.from_url) ignores the URL's user, and an empty password is none: Redis has none.
      { name: 'AUTH_CACHE_USER', source: CONF, default: safe('redis') },
      { name: 'AUTH_CACHE_PWD', source: CONF, default: safe('') },
      { name: 'AUTH_CACHE_TTL', source: CONF, default: safe('720') },
      { name: 'AUTH_CACHE_DATABASE', source: CONF, default: safe('0') },
      // Kong's admin API (kongUtils.py): a URL with its port, which no `peer.part` names.
      { name: 'AUTH_KONG_URL', source: CONF, default: safe('http://kong:8001'), value: kongAdmin },
      { name: 'AUTH_TOKEN_EXP', source: CONF, default: safe('420') },
      // E-mail (utils/emailUtils.py): NOEMAIL turns it off; its account then goes unused.
      { name: 'AUTH_EMAIL_HOST', source: CONF, default: { value: 'NOEMAIL', safe: !email } },
      ...account,
      // The submission port with STARTTLS; the profile has no field for another.
      { name: 'AUTH_EMAIL_PORT', source: CONF, default: safe('587') },
      { name: 'AUTH_EMAIL_TLS', source: CONF, default: safe('true') },
      // Only in the e-mails' links (controller/PasswordController.py).
      email
        ? { name: 'AUTH_RESET_PWD_VIEW', source: CONF, default: unsafe(''), value: p.auth.resetPasswordUrl }
        : { name: 'AUTH_RESET_PWD_VIEW', source: CONF, default: safe('') },
      // Without e-mail, the password of every user the API creates (controller/CRUDController.py create_user): v0.6.0's, well known.
      { name: 'AUTH_USER_TMP_PWD', source: CONF, default: safe('temppwd') },
      { name: 'AUTH_PASSWD_REQUEST_EXP', source: CONF, default: safe('30') },
      { name: 'AUTH_PASSWD_HISTORY_LEN', source: CONF, default: safe('4') },
      { name: 'AUTH_PASSWD_MIN_LEN', source: CONF, default: safe('8') },
      // Shipped in the image (auth/password_blacklist.txt), read relative to the working directory.
      { name: 'AUTH_PASSWD_BLACKLIST', source: CONF, default: safe('password_blacklist.txt') },
      // STDOUT, or SYSLOG to /dev/log (database/flaskAlchemyInit.py); anything else exits.
      { name: 'AUTH_SYSLOG', source: CONF, default: safe('STDOUT') },
      // Only written into a debug log line (controller/KafkaPublisher.py); the Messenger reads KAFKA_HOSTS.
      { name: 'KAFKA_HOST', source: CONF, default: safe('kafka:9092') },
      ...dojotModuleEnv(p, [
        { name: 'DOJOT_MANAGEMENT_TENANT', source: `${CONF}, ${DOJOT_MODULE_CONFIG}`, default: safe('dojot-management') },
        // Two readers, two defaults; dojot.module's names the user of the tokens it makes.
        {
          name: 'DOJOT_MANAGEMENT_USER',
          source: `${CONF}, ${DOJOT_MODULE_CONFIG}`,
          default: safe('auth (conf.py), dojot-management (dojot.module)'),
        },
        // Read by conf.py too (data_broker_host, imported by KafkaPublisher.py and unused).
        {
          name: 'DATA_BROKER_URL',
          source: `${CONF}, ${DOJOT_MODULE_CONFIG}`,
          default: safe('http://data-broker'),
          peer: { to: 'dataBroker', service: 'api', port: 'http', part: 'url' },
        },
        // Overridden: KafkaPublisher.py passes Config({auth: {url: 'http://localhost:5000'}}), itself.
        {
          name: 'AUTH_URL',
          source: `${DOJOT_MODULE_CONFIG}, overridden by auth/controller/KafkaPublisher.py`,
          default: safe('http://auth:5000'),
        },
      ]),
    ],
    peers: [
      kafkaPeer(`${DOJOT_MODULE_CONFIG} (KAFKA_HOSTS)`),
      { to: 'kong', service: 'internal', port: 'admin', source: `${CONF} (AUTH_KONG_URL), auth/kongUtils.py` },
    ],
  };
}

/**
 * dojot/redis:5.0.5-alpine3.10, the cache beside auth (and device-manager's own): no source of
 * dojot's own can be had; its tag is docker-library/redis's 5.0.5 on Alpine 3.10, whose
 * `5.0/alpine/Dockerfile` (commits a767b470 to 0b2910f2, before 5.0.6) runs ENTRYPOINT
 * `docker-entrypoint.sh`, CMD `redis-server`: no configuration file, so port 6379 on every
 * address, protected mode compiled off, `/data` its working directory. The entrypoint reads no
 * variable; as a non-root user it execs redis-server at once. `make install` puts redis-cli, the
 * probes' binary, in /usr/local/bin.
 */
export const dojotRedisStart: StartContract = {
  runs: 'docker-entrypoint.sh redis-server',
  source: 'docker-library/redis 5.0/alpine/Dockerfile (ENTRYPOINT, CMD), 5.0/alpine/docker-entrypoint.sh',
  env: [],
  probeBinaries: [{ binary: 'redis-cli', source: 'docker-library/redis 5.0/alpine/Dockerfile (make -C /usr/src/redis install)' }],
};
