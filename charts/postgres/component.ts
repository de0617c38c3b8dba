import { postgresSecrets } from './secret';
import { ALL, component, isDeployed } from '../component';
import { deviceManagerComponent } from '../device-manager/component';
import type { DojotChartProps } from '../dojot-chart';
import { postgresContract } from './contract';
import { PostgresChart } from './postgres-chart';
import { postgresStart } from './start-contract';
import { exec, single } from '../../lib/probes';

/** postgres: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const postgresComponent = component({
  name: 'postgres',
  chartId: 'postgres',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: postgresContract,
  images: [
    {
      image: 'dojot/postgres:9.5.21-alpine',
      runs: 'PostgreSQL 9.5.21',
      base: 'postgres:9.5.21-alpine (docker-library/postgres 9.5/alpine, as dojot/postgres copies it)',
      endOfLife: [{ of: 'PostgreSQL 9.5', date: '2021-02-11', source: 'https://www.postgresql.org/support/versioning/' }],
    },
  ],
  secrets: postgresSecrets,
  chart: (app, id, p, c: DojotChartProps<PostgresChart['contracts']>) => new PostgresChart(app, id, { ...c, postgres: p.postgres }),
  health: (p) => ({
    // docker-library/postgres 9.5 alpine: pg_isready over TCP, false while initdb's socket-only server runs.
    postgres: { postgres: single(exec('sh', '-c', `pg_isready -h 127.0.0.1 -p ${p.postgres.port} -U "$POSTGRES_USER"`), 180) },
  }),
  // Its init script makes device-manager's user where device-manager is deployed (devm-secret exists only there).
  start: (p) => ({ postgres: { postgres: postgresStart(p, isDeployed(deviceManagerComponent, p)) } }),
  security: {
    postgres: {
      postgres: {
        dropAll: false,
        reason:
          'its entrypoint chowns the data directory, then drops to uid 70 (su-exec); as 70 from the start it needs PGDATA in a subdirectory, which would move an existing database',
      },
    },
  },
});
