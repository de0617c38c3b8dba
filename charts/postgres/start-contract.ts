import { safe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { INIT_PASSWORD_ENV } from './init-script';

/** The port PostgreSQL listens on unless PGPORT says otherwise (its compiled-in DEF_PGPORT). */
export const POSTGRES_DEFAULT_PORT = 5432;

const ENTRYPOINT = 'docker-entrypoint.sh (docker_setup_env)';
const INIT = 'init-db.sh (charts/postgres/init-script.ts), sourced by docker-entrypoint.sh (docker_process_init_files)';

/**
 * dojot/postgres:9.5.21-alpine, dojot's copy of the official postgres:9.5.21-alpine:
 * docker-library/postgres `9.5/alpine/` from 33e66cdc27 ("Update to 9.5.21") to aa4f329a17 (the
 * last before 9.5.22; the two differ in messages and `.sql.xz` support only). `Dockerfile`: ENV
 * PGDATA /var/lib/postgresql/data, ENTRYPOINT docker-entrypoint.sh, CMD postgres; `make
 * install-world` puts postgres, psql and pg_isready in /usr/local/bin. `docker-entrypoint.sh`
 * (`_main`): as root it chowns PGDATA and re-executes itself as postgres (su-exec); on a PGDATA
 * without PG_VERSION it refuses to start without POSTGRES_PASSWORD (`docker_verify_minimum_env`),
 * runs initdb with POSTGRES_USER as the superuser, appends `host all all all md5` to pg_hba.conf,
 * starts a socket-only server (`-c listen_addresses='' -p ${PGPORT:-5432}`), creates POSTGRES_DB
 * when it is not `postgres`, and sources each not executable `*.sh` of /docker-entrypoint-initdb.d
 * (our ConfigMap's files are 0644), then execs `postgres`. The server's port is PGPORT when set
 * (src/backend/utils/misc/guc.c, InitializeGUCOptions: `getenv("PGPORT")`), else 5432.
 */
export const postgresStart = (p: Profile, deviceManager: boolean): StartContract => ({
  runs: 'docker-entrypoint.sh postgres (initdb and the init scripts on an empty PGDATA, then the server)',
  source: 'docker-library/postgres 9.5/alpine/Dockerfile (ENTRYPOINT, CMD), 9.5/alpine/docker-entrypoint.sh',
  env: [
    { name: 'POSTGRES_USER', source: ENTRYPOINT, default: { value: 'postgres', safe: false }, credential: true },
    // Required on an empty data directory unless POSTGRES_HOST_AUTH_METHOD=trust.
    { name: 'POSTGRES_PASSWORD', source: `${ENTRYPOINT}, docker_verify_minimum_env`, credential: true },
    // Its default is POSTGRES_USER; init-db.sh connects to it (psql -d "$POSTGRES_DB").
    { name: 'POSTGRES_DB', source: ENTRYPOINT, default: { value: '$POSTGRES_USER', safe: false }, value: p.postgres.defaultDb },
    { name: 'POSTGRES_INITDB_ARGS', source: `${ENTRYPOINT}, docker_init_database_dir`, default: safe('') },
    {
      name: 'POSTGRES_INITDB_XLOGDIR',
      source: 'docker-entrypoint.sh (docker_create_db_directories, docker_init_database_dir)',
      default: safe(''),
    },
    { name: 'POSTGRES_HOST_AUTH_METHOD', source: `${ENTRYPOINT}, pg_setup_hba_conf`, default: safe('md5') },
    // The image's ENV; the volume (when persistent) is mounted there.
    { name: 'PGDATA', source: '9.5/alpine/Dockerfile (ENV PGDATA)', default: safe('/var/lib/postgresql/data') },
    {
      name: 'PGPORT',
      source: 'src/backend/utils/misc/guc.c (InitializeGUCOptions), docker-entrypoint.sh (docker_temp_server_start)',
      default: { value: String(POSTGRES_DEFAULT_PORT), safe: p.postgres.port === POSTGRES_DEFAULT_PORT },
      listens: { service: 'db', port: 'sql' },
    },
    // The dojot users' passwords, read by our init script on the first start only (`set -u`: each must be set).
    { name: INIT_PASSWORD_ENV.kong, source: INIT, credential: true },
    { name: INIT_PASSWORD_ENV.ejbca, source: INIT, credential: true },
    { name: INIT_PASSWORD_ENV.auth, source: INIT, credential: true },
    // device-manager's user is made only when its password is set: devm-secret exists only where device-manager is deployed.
    deviceManager
      ? { name: INIT_PASSWORD_ENV.devm, source: INIT, credential: true }
      : { name: INIT_PASSWORD_ENV.devm, source: `${INIT} (skipped when empty)`, default: safe('') },
  ],
  files: [
    {
      path: '/docker-entrypoint-initdb.d/init-db.sh',
      source: 'docker-entrypoint.sh (docker_process_init_files /docker-entrypoint-initdb.d/*)',
    },
  ],
  probeBinaries: [{ binary: 'pg_isready', source: '9.5/alpine/Dockerfile (make install-world: /usr/local/bin/pg_isready)' }],
});
