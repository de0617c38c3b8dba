import { portOf } from '../../lib/contract';
import { env } from '../../lib/workloads';
import type { PostgresContract } from './contract';
import { POSTGRES_DEFAULT_PORT } from './start-contract';

/**
 * `PGPORT` for a client whose connection names no port (libpq then reads PGPORT, else 5432): set
 * only when PostgreSQL listens elsewhere, so that the default output stays v0.6.0's.
 */
export function libpqPort(postgres: PostgresContract) {
  const port = portOf(postgres.services.db, 'sql').port;
  return port === POSTGRES_DEFAULT_PORT ? [] : [env('PGPORT', port)];
}
