import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { portOf } from '../../lib/contract';
import { secretEnv } from '../../lib/secrets';
import { DojotApiService, env } from '../../lib/workloads';
import type { AuthContract } from '../auth/contract';
import { DEVICE_MANAGER_SECRET } from '../device-manager/secret';
import type { KongContract } from '../kong/contract';
import type { PostgresContract } from '../postgres/contract';
import type { BackstageContract } from './contract';
import { DASHBOARD_DATABASE } from './start-contract';

/** The contracts this chart reads. */
type BackstageReads = {
  readonly kong: KongContract;
  readonly auth: AuthContract;
  readonly postgres: PostgresContract;
  readonly backstage: BackstageContract;
};

export interface BackstageChartProps extends DojotChartProps<BackstageReads> {
  readonly version: string;
  /** device-manager's PostgreSQL user, whose own database always exists and who may create databases. */
  readonly databaseUser: string;
}

/**
 * backstage, the GUI's GraphQL back end: its Deployment and Service (roles/backstage of v0.6.0).
 * What it reads at start is in ./start-contract.ts. Both its PostgreSQL pools log in as
 * device-manager's user: v0.6.0 gave it none, so it used the superuser's postgres/postgres.
 */
export class BackstageChart extends DojotChart<BackstageReads> {
  constructor(scope: Construct, id: string, { version, databaseUser, ...props }: BackstageChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.backstage.services;
    const kongProxy = this.contracts.kong.services.internal;
    const auth = this.contracts.auth.services.api;
    const db = this.contracts.postgres.services.db;
    const database = (prefix: string) => [
      env(`${prefix}_HOST`, db.name),
      env(`${prefix}_PORT`, portOf(db, 'sql').port),
      secretEnv(`${prefix}_USER`, DEVICE_MANAGER_SECRET, 'user'),
      secretEnv(`${prefix}_PASSWORD`, DEVICE_MANAGER_SECRET, 'password'),
    ];
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/backstage:${version}`,
        env: [
          env('PORT', portOf(api, 'http').port),
          // Kong's proxy. backstage joins the two itself (`${LOCAL_URL}:${LOCAL_PORT}`), so the URL carries no port.
          env('LOCAL_URL', `http://${kongProxy.name}`),
          env('LOCAL_PORT', portOf(kongProxy, 'proxy').port),
          env('AUTH_INTERNAL_URL', `http://${auth.name}`),
          env('AUTH_INTERNAL_PORT', portOf(auth, 'http').port),
          ...database('DEVICE_MANAGER_POSTGRES'),
          env('DEVICE_MANAGER_POSTGRES_DATABASE', databaseUser),
          ...database('BACKSTAGE_DASHBOARD_DB'),
          env('BACKSTAGE_DASBOARD_DB_NAME', DASHBOARD_DATABASE),
          // Its settings pool names no database (a misspelling): pg then reads PGDATABASE.
          env('PGDATABASE', DASHBOARD_DATABASE),
        ],
      },
    });
  }
}
