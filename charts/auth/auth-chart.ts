import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SECRETS, secretEnv } from '../../lib/secrets';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';

export interface AuthChartProps extends DojotChartProps {
  readonly auth: Profile['auth'];
  readonly kafkaPort: number;
  readonly kongAdminPort: number;
}

/** auth: users, tenants and Kong's authorization decisions, with a Redis cache beside it. */
export class AuthChart extends DojotChart {
  constructor(scope: Construct, id: string, { auth, kafkaPort, kongAdminPort, ...props }: AuthChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('auth');
    new DojotService(this, 'Service', {
      name: SERVICE_NAMES.auth,
      labels: { name: 'auth' },
      selector: { name: 'auth', app: 'dojot' },
      ports: [{ port: 5000, targetPort: k8s.IntOrString.fromNumber(5000) }],
    });
    const email = auth.emailEnabled
      ? [
          secretEnv('AUTH_EMAIL_HOST', SECRETS.authEmail, 'email_host'),
          secretEnv('AUTH_EMAIL_USER', SECRETS.authEmail, 'email_user'),
          secretEnv('AUTH_EMAIL_PASSWD', SECRETS.authEmail, 'email_passwd'),
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
            env('KAFKA_HOSTS', `${SERVICE_NAMES.kafka}:${kafkaPort}`),
            env('KAFKA_GROUP_ID', 'auth-group'),
            env('DOJOT_MANAGEMENT_USER', 'auth'),
            env('AUTH_DB_HOST', SERVICE_NAMES.postgres),
            secretEnv('AUTH_DB_USER', SECRETS.auth, 'user'),
            secretEnv('AUTH_DB_PWD', SECRETS.auth, 'password'),
            env('AUTH_KONG_URL', `http://${SERVICE_NAMES.kong}:${kongAdminPort}`),
            env('AUTH_CACHE_NAME', 'redis'),
            env('AUTH_CACHE_HOST', 'localhost'),
            ...email,
            env('AUTH_RESET_PWD_VIEW', auth.resetPasswordUrl),
          ],
        },
        { name: 'redis', image: 'dojot/redis:5.0.5-alpine3.10', ports: [{ containerPort: 6379 }] },
      ],
    });
  }
}
