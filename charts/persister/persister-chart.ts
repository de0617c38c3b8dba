import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { hostPort, portOf, serviceUrl } from '../../lib/contract';
import { DojotDeployment, env } from '../../lib/workloads';
import type { AuthContract } from '../auth/contract';
import type { DataBrokerContract } from '../data-broker/contract';
import type { KafkaContract } from '../kafka/contract';
import type { MongodbContract } from '../mongodb/contract';

/** The contracts this chart reads. */
type PersisterReads = {
  readonly mongodb: MongodbContract;
  readonly kafka: KafkaContract;
  readonly auth: AuthContract;
  readonly dataBroker: DataBrokerContract;
};

export interface PersisterChartProps extends DojotChartProps<PersisterReads> {
  readonly version: string;
}

/** persister: writes device data and notifications from Kafka into MongoDB (history's reader). */
export class PersisterChart extends DojotChart<PersisterReads> {
  constructor(scope: Construct, id: string, { version, ...props }: PersisterChartProps) {
    super(scope, id, props);
    const { kafka, mongodb, dataBroker, auth } = this.contracts;
    const { broker } = kafka.services;
    new DojotDeployment(this, 'Deployment', {
      name: 'persister',
      metadataLabels: { name: 'persister', app: 'dojot' },
      labels: dojotLabels('persister'),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'persister',
          // Built from dojot/history (docker/persister.docker): history's code, its subscriber module.
          image: `dojot/persister:${version}`,
          env: [
            env('FALCON_SETTINGS_MODULE', 'history.settings.docker'),
            env('DOJOT_MANAGEMENT_USER', 'persister'),
            env('KAFKA_GROUP_ID', 'persister-group'),
            // Read by dojot.module 0.1.0 (dojot/module/config.py): the brokers to consume from.
            env('KAFKA_HOSTS', hostPort(broker, 'kafka')),
            env('KAFKA_ADDRESS', broker.name),
            env('KAFKA_PORT', portOf(broker, 'kafka').port),
            // The original left these to the images' defaults (history/conf.py: mongodb:27017;
            // dojot.module: http://data-broker, http://auth:5000); from the contracts they follow the profile.
            env('HISTORY_DB_ADDRESS', mongodb.services.db.name),
            env('HISTORY_DB_PORT', portOf(mongodb.services.db, 'mongo').port),
            env('DATA_BROKER_URL', serviceUrl(dataBroker.services.api, 'http')),
            env('AUTH_URL', serviceUrl(auth.services.api, 'http')),
          ],
        },
      ],
    });
  }
}
