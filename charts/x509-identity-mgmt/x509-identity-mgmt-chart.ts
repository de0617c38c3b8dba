import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SECRETS, secretEnv } from '../../lib/secrets';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotDeployment, DojotService, env, httpProbe } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec, LOCAL_VOLUMES } from '../storage/local-volumes';

export interface X509IdentityMgmtChartProps extends DojotChartProps {
  readonly x509: Profile['x509IdentityMgmt'];
  readonly postgres: Pick<Profile['postgres'], 'port' | 'ejbca'>;
  readonly mongodbPort: number;
}

const NAME = SERVICE_NAMES.x509IdentityMgmt;

/** x509-identity-mgmt: the certificate authority (EJBCA) that issues device certificates. */
export class X509IdentityMgmtChart extends DojotChart {
  constructor(scope: Construct, id: string, { x509, postgres, mongodbPort, ...props }: X509IdentityMgmtChartProps) {
    super(scope, id, props);
    const labels = dojotLabels(NAME);
    const persistent = x509.persistence.enabled;
    new DojotDeployment(this, 'Deployment', {
      name: NAME,
      labels,
      replicas: x509.replicas,
      group: 'x509',
      placement: this.placement,
      spec: { securityContext: { fsGroup: 10001 }, hostname: NAME, restartPolicy: 'Always' },
      containers: [
        {
          name: NAME,
          image: `dojot/x509-identity-mgmt:${x509.version}`,
          readinessProbe: httpProbe('/healthcheck', 3000, { periodSeconds: 20, timeoutSeconds: 5 }),
          env: [
            env('DATABASE_JDBC_URL', `jdbc:postgresql://${SERVICE_NAMES.postgres}:${postgres.port}/${postgres.ejbca.db}?characterEncoding=UTF-8`),
            secretEnv('DATABASE_USER', SECRETS.x509IdentityMgmt, 'user'),
            secretEnv('DATABASE_PASSWORD', SECRETS.x509IdentityMgmt, 'password'),
            env('EJBCA_PERFORM_DOJOT_SETUP', true),
            env('NODE_ENV', 'production'),
            env('MONGO_URI', `mongodb://${SERVICE_NAMES.mongodb}:${mongodbPort}/x509-identity-mgmt`),
          ],
          volumeMounts: persistent ? [{ name: NAME, mountPath: '/mnt/persistent' }] : undefined,
        },
      ],
      volumes: persistent ? [{ name: NAME, persistentVolumeClaim: { claimName: NAME } }] : undefined,
    });
    new DojotService(this, 'Service', {
      name: NAME,
      selector: labels,
      spec: { type: 'ClusterIP' },
      ports: [{ name: NAME, port: 3000 }],
    });
    if (persistent) {
      new k8s.KubePersistentVolumeClaim(this, 'Claim', {
        metadata: { name: NAME, labels },
        spec: claimSpec(this.storage, LOCAL_VOLUMES.x509IdentityMgmt, x509.persistence),
      });
    }
  }
}
