import { X509_IDENTITY_MGMT_SECRET } from './secret';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { secretEnv } from '../../lib/secrets';
import { hostPort } from '../../lib/contract';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { X509_LABELS, X509_NAME, X509_VOLUME } from './contract';
import type { MongodbContract } from '../mongodb/contract';
import type { PostgresContract } from '../postgres/contract';
import type { X509IdentityMgmtContract } from './contract';

/** The contracts this chart reads. */
type X509IdentityMgmtReads = {
  readonly postgres: PostgresContract;
  readonly mongodb: MongodbContract;
  readonly x509IdentityMgmt: X509IdentityMgmtContract;
};

export interface X509IdentityMgmtChartProps extends DojotChartProps<X509IdentityMgmtReads> {
  readonly x509: Profile['x509IdentityMgmt'];
  /** EJBCA's database. */
  readonly ejbcaDb: string;
}

const NAME = X509_NAME;

/** x509-identity-mgmt: the certificate authority (EJBCA) that issues device certificates. */
export class X509IdentityMgmtChart extends DojotChart<X509IdentityMgmtReads> {
  constructor(scope: Construct, id: string, { x509, ejbcaDb, ...props }: X509IdentityMgmtChartProps) {
    super(scope, id, props);
    const labels = X509_LABELS;
    const { postgres, mongodb } = this.contracts;
    const persistent = x509.persistence.enabled;
    // The claim before the Deployment that mounts it: applied in this order, its pod never meets
    // a claim that is not there yet (the scheduler's "persistentvolumeclaim not found").
    if (persistent) {
      new k8s.KubePersistentVolumeClaim(this, 'Claim', {
        metadata: { name: NAME, labels },
        spec: claimSpec(this.storage, X509_VOLUME, x509.persistence),
      });
    }
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
          env: [
            env('DATABASE_JDBC_URL', `jdbc:postgresql://${hostPort(postgres.services.db, 'sql')}/${ejbcaDb}?characterEncoding=UTF-8`),
            secretEnv('DATABASE_USER', X509_IDENTITY_MGMT_SECRET, 'user'),
            secretEnv('DATABASE_PASSWORD', X509_IDENTITY_MGMT_SECRET, 'password'),
            env('EJBCA_PERFORM_DOJOT_SETUP', true),
            env('NODE_ENV', 'production'),
            env('MONGO_URI', `mongodb://${hostPort(mongodb.services.db, 'mongo')}/x509-identity-mgmt`),
          ],
          volumeMounts: persistent ? [{ name: NAME, mountPath: '/mnt/persistent' }] : undefined,
        },
      ],
      volumes: persistent ? [{ name: NAME, persistentVolumeClaim: { claimName: NAME } }] : undefined,
    });
    new DojotService(this, 'Service', { contract: this.contracts.x509IdentityMgmt.services.api, spec: { type: 'ClusterIP' } });
  }
}
