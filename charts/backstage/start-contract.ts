import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';

/** The database its user-settings pool connects to: the one its start creates (below). */
export const DASHBOARD_DATABASE = 'dojot_dash_users';

const CONFIG = 'src/config.js';

/**
 * dojot/backstage v0.6.0. `DockerFile`: FROM node:8-alpine, CMD npm start; `package.json`'s start
 * is `node databaseCheck.js && node index.js`. `src/databaseCheck.js` exits 1 when its first pool
 * cannot connect, creates `BACKSTAGE_DASBOARD_DB_NAME` with it when missing (its user needs
 * CREATEDB), then creates the table `user_config` through the second pool. `src/db/index.js` gives
 * that second pool `config.postgres_backstage_databases`, a name config.js does not have, so pg
 * 7.18 (`lib/connection-parameters.js`, `val`) takes `PGDATABASE`, and without it the server
 * takes the user's name as the database's. Every PostgreSQL default is v0.6.0's superuser,
 * postgres/postgres, which ours is not.
 */
export const backstageStart = (p: Profile): StartContract => ({
  runs: 'npm start: node databaseCheck.js && node index.js',
  source: 'DockerFile, package.json (scripts.start)',
  env: [
    { name: 'PORT', source: CONFIG, default: safe('3005'), listens: { service: 'api', port: 'http' } },
    {
      name: 'LOCAL_URL',
      source: CONFIG,
      default: unsafe('http://apigw'),
      peer: { to: 'kong', service: 'internal', port: 'proxy', part: 'url' },
    },
    { name: 'LOCAL_PORT', source: CONFIG, default: unsafe('8000'), peer: { to: 'kong', service: 'internal', port: 'proxy', part: 'port' } },
    {
      name: 'AUTH_INTERNAL_URL',
      source: CONFIG,
      default: safe('http://auth'),
      peer: { to: 'auth', service: 'api', port: 'http', part: 'url' },
    },
    { name: 'AUTH_INTERNAL_PORT', source: CONFIG, default: safe('5000'), peer: { to: 'auth', service: 'api', port: 'http', part: 'port' } },
    // The pool that checks and creates the database (src/db/index.js `pool`).
    {
      name: 'DEVICE_MANAGER_POSTGRES_HOST',
      source: CONFIG,
      default: safe('postgres'),
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' },
    },
    {
      name: 'DEVICE_MANAGER_POSTGRES_PORT',
      source: CONFIG,
      default: safe('5432'),
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'port' },
    },
    { name: 'DEVICE_MANAGER_POSTGRES_USER', source: CONFIG, default: unsafe('postgres'), credential: true },
    { name: 'DEVICE_MANAGER_POSTGRES_PASSWORD', source: CONFIG, default: unsafe('postgres'), credential: true },
    // Its default, dojot_devm, exists only once device-manager has made it; the user's own database always does.
    { name: 'DEVICE_MANAGER_POSTGRES_DATABASE', source: CONFIG, default: unsafe('dojot_devm'), value: p.postgres.devmUser },
    // The pool of the users' settings (src/db/index.js `userPool`).
    {
      name: 'BACKSTAGE_DASHBOARD_DB_HOST',
      source: CONFIG,
      default: safe('postgres'),
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' },
    },
    {
      name: 'BACKSTAGE_DASHBOARD_DB_PORT',
      source: CONFIG,
      default: safe('5432'),
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'port' },
    },
    { name: 'BACKSTAGE_DASHBOARD_DB_USER', source: CONFIG, default: unsafe('postgres'), credential: true },
    { name: 'BACKSTAGE_DASHBOARD_DB_PASSWORD', source: CONFIG, default: unsafe('postgres'), credential: true },
    // Spelled so in config.js: the database databaseCheck.js creates.
    { name: 'BACKSTAGE_DASBOARD_DB_NAME', source: CONFIG, default: safe(DASHBOARD_DATABASE), value: DASHBOARD_DATABASE },
    {
      name: 'PGDATABASE',
      source: 'src/db/index.js (userPool: database misspelled), pg 7.18 lib/connection-parameters.js',
      default: unsafe('the user name'),
      value: DASHBOARD_DATABASE,
    },
  ],
});
