import { INFLUXDB_SECRET } from '../influxdb/secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { secretEnv } from '../../lib/secrets';
import { hostPort, serviceUrl } from '../../lib/contract';
import { DojotDeployment, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import type { InfluxdbContract } from '../influxdb/contract';
import type { KafkaContract } from '../kafka/contract';

/** The contracts this chart reads. */
type InfluxdbStorerReads = { readonly influxdb: InfluxdbContract; readonly kafka: KafkaContract };

export interface InfluxdbStorerChartProps extends DojotChartProps<InfluxdbStorerReads> {
  readonly version: string;
  readonly logLevel: Profile['influxdb']['storerLogLevel'];
  /**
   * The organization and bucket InfluxDB's setup Job creates, which the storer writes into.
   * @default the image's: 'admin' and 'devices', the profile's defaults
   */
  readonly influxdb?: Pick<Profile['influxdb'], 'organizationName' | 'bucket'>;
}

/** influxdb-storer: writes device data from Kafka into InfluxDB, one organization per tenant. */
export class InfluxdbStorerChart extends DojotChart<InfluxdbStorerReads> {
  constructor(scope: Construct, id: string, { version, logLevel, influxdb, ...props }: InfluxdbStorerChartProps) {
    super(scope, id, props);
    new DojotDeployment(this, 'Deployment', {
      name: 'influxdb-storer',
      metadataLabels: { name: 'influxdb-storer', app: 'dojot' },
      labels: dojotLabels('influxdb-storer'),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'influxdb-storer',
          image: `dojot/influxdb-storer:${version}`,
          env: [
            env('STORER_LOG_CONSOLE_LEVEL', logLevel),
            env('STORER_CONSUMER_METADATA_BROKER_LIST', hostPort(this.contracts.kafka.services.broker, 'kafka')),
            // The original relied on the image's defaults (dojot/dojot v0.6.0
            // storage/time-series/influxdb/storer/config/default.conf, influx.*): the URL of the
            // default port, and v0.6.0's well-known token, which our generated Secret replaces.
            env('STORER_INFLUX_URL', serviceUrl(this.contracts.influxdb.services.api, 'http')),
            secretEnv('STORER_INFLUX_DEFAULT_TOKEN', INFLUXDB_SECRET, 'admin-token'),
            ...(influxdb
              ? [env('STORER_INFLUX_DEFAULT_ORGANIZATION', influxdb.organizationName), env('STORER_INFLUX_DEFAULT_BUCKET', influxdb.bucket)]
              : []),
          ],
        },
      ],
    });
  }
}
