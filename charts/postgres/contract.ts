import type { ComponentContract, LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

export const POSTGRES_VOLUME = {
  pvName: 'local-pv-postgres',
  group: 'dojot',
  directory: 'postgres',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'dojot', db: 'postgres' },
  persistence: (p) => p.postgres.persistence,
} as const satisfies LocalVolume;

/** PostgreSQL, for Kong, auth, EJBCA (x509-identity-mgmt) and device-manager. */
export function postgresContract(p: Profile) {
  return {
    services: {
      db: {
        name: 'postgres',
        selector: { name: 'postgres', app: 'dojot' },
        ports: { sql: { port: p.postgres.port, targetPort: p.postgres.port } },
      },
    },
    volumes: [POSTGRES_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type PostgresContract = ReturnType<typeof postgresContract>;
