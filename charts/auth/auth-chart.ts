import { libpqPort } from '../postgres/libpq';
import { AUTH_EMAIL_SECRET, AUTH_SECRET } from './secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { secretEnv } from '../../lib/secrets';
import { hostPort, serviceUrl } from '../../lib/contract';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { DOJOT_REDIS_IMAGE } from '../../lib/redis';
import type { KafkaContract } from '../kafka/contract';
import type { KongContract } from '../kong/contract';
import type { PostgresContract } from '../postgres/contract';
import type { AuthContract } from './contract';

/** The contracts this chart reads. */
type AuthReads = {
  readonly postgres: PostgresContract;
  readonly kafka: KafkaContract;
  readonly kong: KongContract;
  readonly auth: AuthContract;
};

export interface AuthChartProps extends DojotChartProps<AuthReads> {
  readonly auth: Profile['auth'];
}

/** auth: users, tenants and Kong's authorization decisions, with a Redis cache beside it. */
export class AuthChart extends DojotChart<AuthReads> {
  constructor(scope: Construct, id: string, { auth, ...props }: AuthChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('auth');
    const { kafka, postgres, kong } = this.contracts;
    new DojotService(this, 'Service', { contract: this.contracts.auth.services.api, labels: { name: 'auth' } });
    const email = auth.emailEnabled
      ? [
          secretEnv('AUTH_EMAIL_HOST', AUTH_EMAIL_SECRET, 'email_host'),
          secretEnv('AUTH_EMAIL_USER', AUTH_EMAIL_SECRET, 'email_user'),
          secretEnv('AUTH_EMAIL_PASSWD', AUTH_EMAIL_SECRET, 'email_passwd'),
        ]
      : [env('AUTH_EMAIL_HOST', 'NOEMAIL')];
    new DojotDeployment(this, 'Deployment', {
      name: 'auth',
      metadataLabels: { name: 'auth', app: 'dojot' },
      labels,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'auth',
          image: `dojot/auth:${auth.version}`,
          env: [
            env('KAFKA_HOSTS', hostPort(kafka.services.broker, 'kafka')),
            env('KAFKA_GROUP_ID', 'auth-group'),
            env('DOJOT_MANAGEMENT_USER', 'auth'),
            env('AUTH_DB_HOST', postgres.services.db.name),
            // Its connections name no port (./start-contract.ts): libpq's PGPORT when PostgreSQL moves.
            ...libpqPort(postgres),
            secretEnv('AUTH_DB_USER', AUTH_SECRET, 'user'),
            secretEnv('AUTH_DB_PWD', AUTH_SECRET, 'password'),
            env('AUTH_KONG_URL', serviceUrl(kong.services.internal, 'admin')),
            env('AUTH_CACHE_NAME', 'redis'),
            env('AUTH_CACHE_HOST', 'localhost'),
            ...email,
            env('AUTH_RESET_PWD_VIEW', auth.resetPasswordUrl),
          ],
        },
        { name: 'redis', image: DOJOT_REDIS_IMAGE, ports: [{ containerPort: 6379 }] },
      ],
    });
  }
}
