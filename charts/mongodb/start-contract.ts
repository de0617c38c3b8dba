import type { StartContract } from '../../lib/start-contract';

/** The port mongod listens on unless told otherwise (`--port`). */
export const MONGOD_DEFAULT_PORT = 27017;

const ENTRYPOINT = 'docker-entrypoint.sh (file_env, the mongod branch)';

/**
 * dojot/mongo:3.2, dojot's copy of the official mongo:3.2 (3.2.21, its last): docker-library/mongo
 * `3.2/` at 6932ac255d (the last commit before c5720ca188 removed 3.2). `Dockerfile`: FROM
 * debian:jessie-slim, the packages mongodb-org(-server, -shell, -mongos, -tools) 3.2.21, VOLUME
 * /data/db /data/configdb, ENTRYPOINT docker-entrypoint.sh, CMD mongod. `docker-entrypoint.sh`: as
 * root it chowns /data/db and /data/configdb and re-executes itself as mongodb (gosu); mongod gets
 * `--auth` and a root user only when both MONGO_INITDB_ROOT_USERNAME and _PASSWORD are set, and
 * the init scripts run only when those are set or /docker-entrypoint-initdb.d has a `*.sh` or
 * `*.js` (ours has none); then it execs mongod, which listens on 27017 unless `--port` (no
 * variable: the chart passes it for another port).
 */
export const mongodbStart: StartContract = {
  runs: 'docker-entrypoint.sh mongod',
  source: 'docker-library/mongo 3.2/Dockerfile (ENTRYPOINT, CMD), 3.2/docker-entrypoint.sh',
  env: [
    // Unset by the chart: mongod runs without --auth, and x509-identity-mgmt's MONGO_URI carries no user.
    // mongodb-secret is generated but nobody reads it.
    { name: 'MONGO_INITDB_ROOT_USERNAME', source: ENTRYPOINT, default: { value: '', safe: true } },
    { name: 'MONGO_INITDB_ROOT_PASSWORD', source: ENTRYPOINT, default: { value: '', safe: true } },
    { name: 'MONGO_INITDB_DATABASE', source: 'docker-entrypoint.sh (the initdb scripts)', default: { value: 'test', safe: true } },
    { name: 'TMPDIR', source: 'docker-entrypoint.sh (jsonConfigFile, the initdb pidfile)', default: { value: '/tmp', safe: true } },
  ],
  probeBinaries: [{ binary: 'mongo', source: '3.2/Dockerfile (mongodb-org-shell=3.2.21: /usr/bin/mongo)' }],
};
