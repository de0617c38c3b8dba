import { KAFKA2FTP_SECRET } from './secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { hostPort } from '../../lib/contract';
import { secretEnv } from '../../lib/secrets';
import { DojotDeployment, env } from '../../lib/workloads';
import type { KafkaContract } from '../kafka/contract';

/** The contracts this chart reads. */
type Kafka2ftpReads = { readonly kafka: KafkaContract };

export interface Kafka2ftpChartProps extends DojotChartProps<Kafka2ftpReads> {
  readonly version: string;
}

/** kafka2ftp: uploads the messages of `<tenant>.dojot.ftp` to an FTP server. */
export class Kafka2ftpChart extends DojotChart<Kafka2ftpReads> {
  constructor(scope: Construct, id: string, { version, ...props }: Kafka2ftpChartProps) {
    super(scope, id, props);
    new DojotDeployment(this, 'Deployment', {
      name: 'kafka2ftp',
      metadataLabels: { name: 'kafka2ftp', app: 'dojot' },
      labels: dojotLabels('kafka2ftp'),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'kafka2ftp',
          image: `dojot/kafka2ftp:${version}`,
          env: [
            // The original wrote a fixed 'kafka-server:9092', whatever the Kafka port.
            env('KAFKA_HOSTS', hostPort(this.contracts.kafka.services.broker, 'kafka')),
            env('KAFKA_GROUP_ID', 'kafka2ftp-group'),
            env('LOG_CONSOLE_LEVEL', 'info'),
            env('FTP_TENANT', 'admin'),
            // The original's placeholder server (localhost: nothing listens there in the pod), as in
            // v0.6.0; an FTP server of one's own is a change of these values.
            env('FTP_HOST', 'localhost'),
            env('FTP_PORT', 21),
            env('FTP_FTPS', false),
            // From kafka2ftp-secret when it exists (an FTP server of one's own); without it the
            // image's defaults apply, the original's anonymous / guest (connector/kafka2ftp/app/Config.js).
            secretEnv('FTP_USER', KAFKA2FTP_SECRET, 'user', true),
            secretEnv('FTP_PASSWORD', KAFKA2FTP_SECRET, 'password', true),
            env('FTP_REMOTE_DIR', '/incoming/'),
            env('MAX_CONCURRENT_CONNECTIONS', 10),
            env('RETRIES', 13),
          ],
        },
      ],
    });
  }
}
