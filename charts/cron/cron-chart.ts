import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { hostPort, serviceUrl } from '../../lib/contract';
import { DojotApiService, env } from '../../lib/workloads';
import type { AuthContract } from '../auth/contract';
import type { DataBrokerContract } from '../data-broker/contract';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { KafkaContract } from '../kafka/contract';
import type { MongodbContract } from '../mongodb/contract';
import type { CronContract } from './contract';

/** The contracts this chart reads. */
type CronReads = {
  readonly mongodb: MongodbContract;
  readonly kafka: KafkaContract;
  readonly auth: AuthContract;
  readonly dataBroker: DataBrokerContract;
  readonly deviceManager: DeviceManagerContract;
  readonly cron: CronContract;
};

export interface CronChartProps extends DojotChartProps<CronReads> {
  readonly version: string;
}

/** cron: the tenants' scheduled jobs (HTTP requests, Kafka messages), kept in MongoDB. */
export class CronChart extends DojotChart<CronReads> {
  constructor(scope: Construct, id: string, { version, ...props }: CronChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.cron.services;
    const { kafka, mongodb, dataBroker, auth, deviceManager } = this.contracts;
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/cron:${version}`,
        env: [
          // The original's role default was a fixed 'kafka-server:9092', whatever the Kafka port.
          env('KAFKA_HOSTS', hostPort(kafka.services.broker, 'kafka')),
          // The original left these to the image's defaults (dojot/cron v0.6.0 config.js);
          // from the contracts they follow the profile. HTTP_ALLOWED_BASE_URLS stays the image's
          // (device-manager:5000): the image iterates it as a list, an env string would break it.
          env('MONGO_URL', `mongodb://${hostPort(mongodb.services.db, 'mongo')}`),
          env('DATA_BROKER_URL', serviceUrl(dataBroker.services.api, 'http')),
          env('AUTH_URL', serviceUrl(auth.services.api, 'http')),
          env('DEVICE_MANAGER_URL', serviceUrl(deviceManager.services.api, 'http')),
        ],
      },
    });
  }
}
