import type { Profile } from '../../profile/types';

/** Environment variables through which the init script receives the users' passwords. */
export const INIT_PASSWORD_ENV = {
  kong: 'KONG_DB_PASSWORD',
  ejbca: 'EJBCA_DB_PASSWORD',
  auth: 'AUTH_DB_PASSWORD',
  devm: 'DEVM_DB_PASSWORD',
} as const;

interface DatabaseUser {
  readonly user: string;
  readonly db: string;
  readonly passwordEnv: string;
  /** May create databases (auth and device-manager create their tenants' databases). */
  readonly createDb: boolean;
  /** Skipped when its password is not set (device-manager belongs to the full flavours). */
  readonly optional: boolean;
}

/** The databases and users the dojot services need, from the profile. */
export function databaseUsers(pg: Profile['postgres']): DatabaseUser[] {
  return [
    { user: pg.kong.user, db: pg.kong.db, passwordEnv: INIT_PASSWORD_ENV.kong, createDb: false, optional: false },
    { user: pg.ejbca.user, db: pg.ejbca.db, passwordEnv: INIT_PASSWORD_ENV.ejbca, createDb: false, optional: false },
    { user: pg.authUser, db: pg.authUser, passwordEnv: INIT_PASSWORD_ENV.auth, createDb: true, optional: false },
    { user: pg.devmUser, db: pg.devmUser, passwordEnv: INIT_PASSWORD_ENV.devm, createDb: true, optional: true },
  ];
}

function statements(u: DatabaseUser): string[] {
  // psql substitutes :'var' as a quoted literal, so no password is ever written in the script.
  const sql = [
    `CREATE DATABASE "${u.db}";`,
    `CREATE USER "${u.user}" WITH ENCRYPTED PASSWORD :'password';`,
    u.createDb ? `ALTER ROLE "${u.user}" WITH CREATEDB;` : `GRANT ALL PRIVILEGES ON DATABASE "${u.db}" TO "${u.user}";`,
  ];
  const run = [
    `psql -v ON_ERROR_STOP=1 -d "$POSTGRES_DB" -U "$POSTGRES_USER" -v password="$${u.passwordEnv}" <<-'EOSQL'`,
    ...sql.map((s) => `\t${s}`),
    'EOSQL',
  ];
  if (!u.optional) return run;
  // The heredoc's terminator must start its line, so the block is not indented.
  return [`if [ -n "\${${u.passwordEnv}:-}" ]; then`, ...run, 'fi'];
}

/**
 * `init-db.sh`, run once by the postgres image on an empty data directory. Passwords come
 * from the services' Secrets through the environment; none is stored in the ConfigMap.
 */
export function renderInitScript(pg: Profile['postgres']): string {
  return ['#!/usr/bin/env bash', 'set -euo pipefail', '', ...databaseUsers(pg).flatMap((u) => [...statements(u), ''])].join('\n');
}
