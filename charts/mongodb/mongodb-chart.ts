import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { MONGODB_VOLUME } from './contract';
import type { MongodbContract } from './contract';
import { MONGOD_DEFAULT_PORT } from './start-contract';

/** The contracts this chart reads. */
type MongodbReads = { readonly mongodb: MongodbContract };

export interface MongodbChartProps extends DojotChartProps<MongodbReads> {
  readonly mongodb: Profile['mongodb'];
}

/** MongoDB, used by x509-identity-mgmt. */
export class MongodbChart extends DojotChart<MongodbReads> {
  constructor(scope: Construct, id: string, { mongodb, ...props }: MongodbChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('mongodb');
    const service = this.contracts.mongodb.services.db;
    new DojotService(this, 'Service', { contract: service, labels: { name: 'mongodb' }, spec: { type: 'ClusterIP' } });
    const persistent = mongodb.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: 'mongodb',
      metadataLabels: { name: 'mongodb', app: 'dojot' },
      labels,
      serviceName: service.name,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'mongodb',
          image: `dojot/mongo:${mongodb.version}`,
          // mongod listens on 27017 unless told otherwise (no variable): the port only when it is another.
          args: mongodb.port === MONGOD_DEFAULT_PORT ? undefined : ['mongod', '--port', String(mongodb.port)],
          volumeMounts: persistent ? [{ name: 'mongodb-volume', mountPath: '/data/db' }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'mongodb-volume' }, spec: claimSpec(this.storage, MONGODB_VOLUME, mongodb.persistence) }]
        : undefined,
    });
  }
}
