import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec, LOCAL_VOLUMES } from '../storage/local-volumes';

export interface MongodbChartProps extends DojotChartProps {
  readonly mongodb: Profile['mongodb'];
}

/** MongoDB, used by x509-identity-mgmt. */
export class MongodbChart extends DojotChart {
  constructor(scope: Construct, id: string, { mongodb, ...props }: MongodbChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('mongodb');
    new DojotService(this, 'Service', {
      name: SERVICE_NAMES.mongodb,
      labels: { name: 'mongodb' },
      selector: { name: 'mongodb', app: 'dojot' },
      spec: { type: 'ClusterIP' },
      ports: [{ port: mongodb.port, targetPort: k8s.IntOrString.fromNumber(mongodb.port) }],
    });
    const persistent = mongodb.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: 'mongodb',
      metadataLabels: { name: 'mongodb', app: 'dojot' },
      labels,
      serviceName: SERVICE_NAMES.mongodb,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'mongodb',
          image: `dojot/mongo:${mongodb.version}`,
          volumeMounts: persistent ? [{ name: 'mongodb-volume', mountPath: '/data/db' }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'mongodb-volume' }, spec: claimSpec(this.storage, LOCAL_VOLUMES.mongodb, mongodb.persistence) }]
        : undefined,
    });
  }
}
