import { AUTH_SECRET } from '../auth/secret';
import { DEVICE_MANAGER_SECRET } from '../device-manager/secret';
import { KONG_SECRET } from '../kong/secret';
import { POSTGRES_SECRET } from './secret';
import { X509_IDENTITY_MGMT_SECRET } from '../x509-identity-mgmt/secret';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { secretEnv } from '../../lib/secrets';
import { DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { POSTGRES_VOLUME } from './contract';
import { INIT_PASSWORD_ENV, renderInitScript } from './init-script';
import { POSTGRES_DEFAULT_PORT } from './start-contract';
import type { PostgresContract } from './contract';

/** The contracts this chart reads. */
type PostgresReads = { readonly postgres: PostgresContract };

export interface PostgresChartProps extends DojotChartProps<PostgresReads> {
  readonly postgres: Profile['postgres'];
}

/** PostgreSQL for Kong, auth, EJBCA (x509-identity-mgmt) and device-manager. */
export class PostgresChart extends DojotChart<PostgresReads> {
  constructor(scope: Construct, id: string, { postgres: pg, ...props }: PostgresChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('postgres');

    const service = this.contracts.postgres.services.db;
    new DojotService(this, 'Service', { contract: service, labels: { name: 'postgres' }, spec: { type: 'ClusterIP' } });
    new k8s.KubeConfigMap(this, 'InitScript', {
      metadata: { name: 'postgres-init' },
      data: { 'init-db.sh': renderInitScript(pg) },
    });

    const persistent = pg.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: 'postgres',
      metadataLabels: labels,
      labels,
      serviceName: service.name,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'postgres',
          image: `dojot/postgres:${pg.version}`,
          env: [
            secretEnv('POSTGRES_USER', POSTGRES_SECRET, 'user'),
            secretEnv('POSTGRES_PASSWORD', POSTGRES_SECRET, 'password'),
            env('POSTGRES_DB', pg.defaultDb),
            // The server listens on 5432 unless PGPORT says otherwise: set only for another port (./start-contract.ts).
            ...(pg.port === POSTGRES_DEFAULT_PORT ? [] : [env('PGPORT', pg.port)]),
            // Read by init-db.sh on first start only.
            secretEnv(INIT_PASSWORD_ENV.kong, KONG_SECRET, 'password'),
            secretEnv(INIT_PASSWORD_ENV.ejbca, X509_IDENTITY_MGMT_SECRET, 'password'),
            secretEnv(INIT_PASSWORD_ENV.auth, AUTH_SECRET, 'password'),
            secretEnv(INIT_PASSWORD_ENV.devm, DEVICE_MANAGER_SECRET, 'password', true),
          ],
          volumeMounts: [
            { name: 'postgres-init', mountPath: '/docker-entrypoint-initdb.d/' },
            ...(persistent ? [{ name: 'psql-volume', mountPath: '/var/lib/postgresql/data' }] : []),
          ],
        },
      ],
      volumes: [{ name: 'postgres-init', configMap: { name: 'postgres-init' } }],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'psql-volume' }, spec: claimSpec(this.storage, POSTGRES_VOLUME, pg.persistence) }]
        : undefined,
    });
  }
}
