import { INFLUXDB_SECRET } from '../influxdb/secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { secretEnv } from '../../lib/secrets';
import { portOf, serviceUrl } from '../../lib/contract';
import { DojotApiService, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import type { InfluxdbContract } from '../influxdb/contract';
import type { InfluxdbRetrieverContract } from './contract';

/** The contracts this chart reads. */
type InfluxdbRetrieverReads = { readonly influxdb: InfluxdbContract; readonly influxdbRetriever: InfluxdbRetrieverContract };

export interface InfluxdbRetrieverChartProps extends DojotChartProps<InfluxdbRetrieverReads> {
  readonly version: string;
  readonly logLevel: Profile['influxdb']['retrieverLogLevel'];
  /** The bucket the storer writes into. @default the image's: 'devices', the profile's default */
  readonly influxdb?: Pick<Profile['influxdb'], 'bucket'>;
}

/** influxdb-retriever: the devices' time series from InfluxDB, behind `/tss`. */
export class InfluxdbRetrieverChart extends DojotChart<InfluxdbRetrieverReads> {
  constructor(scope: Construct, id: string, { version, logLevel, influxdb, ...props }: InfluxdbRetrieverChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.influxdbRetriever.services;
    const http = portOf(api, 'http');
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/influxdb-retriever:${version}`,
        env: [
          env('RETRIEVER_LOG_CONSOLE_LEVEL', logLevel),
          // The original relied on the image's defaults (dojot/dojot v0.6.0
          // storage/time-series/influxdb/retriever/config/default.conf): the URL of the default
          // port, v0.6.0's well-known token (replaced by our generated Secret's) and port 3000.
          env('RETRIEVER_INFLUX_URL', serviceUrl(this.contracts.influxdb.services.api, 'http')),
          secretEnv('RETRIEVER_INFLUX_DEFAULT_TOKEN', INFLUXDB_SECRET, 'admin-token'),
          ...(influxdb ? [env('RETRIEVER_INFLUX_DEFAULT_BUCKET', influxdb.bucket)] : []),
          env('RETRIEVER_SERVER_PORT', http.targetPort ?? http.port),
        ],
      },
    });
  }
}
