import type { Construct } from 'constructs';
import { hostPort, serviceUrl } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { lwm2mContainerPorts } from './image-ports';
import type { AuthContract } from '../auth/contract';
import type { DataBrokerContract } from '../data-broker/contract';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { ImageManagerContract } from '../image-manager/contract';
import type { KafkaContract } from '../kafka/contract';
import type { IotagentLwm2mContract } from './contract';

/** The contracts this chart reads. */
type IotagentLwm2mReads = {
  readonly kafka: KafkaContract;
  readonly imageManager: ImageManagerContract;
  readonly auth: AuthContract;
  readonly dataBroker: DataBrokerContract;
  readonly deviceManager: DeviceManagerContract;
  readonly iotagentLwm2m: IotagentLwm2mContract;
};

export interface IotagentLwm2mChartProps extends DojotChartProps<IotagentLwm2mReads> {
  readonly version: string;
  readonly lwm2m: Profile['iotagentLwm2m'];
}

/** iotagent-lwm2m: its Deployment and NodePort Service (roles/iotagent-lwm2m of v0.6.0). */
export class IotagentLwm2mChart extends DojotChart<IotagentLwm2mReads> {
  constructor(scope: Construct, id: string, { version, lwm2m, ...props }: IotagentLwm2mChartProps) {
    super(scope, id, props);
    const { lwm2m: service } = this.contracts.iotagentLwm2m.services;
    const { kafka, imageManager, deviceManager, auth, dataBroker } = this.contracts;
    const kafkaHosts = hostPort(kafka.services.broker, 'kafka');

    new DojotService(this, 'Service', {
      contract: service,
      labels: { name: service.name },
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local' },
    });
    new DojotDeployment(this, 'Deployment', {
      name: service.name,
      metadataLabels: { name: service.name, app: 'dojot' },
      labels: dojotLabels(service.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'iotagent-lwm2m',
          image: `dojot/iotagent-leshan:${version}`,
          // The original declared none; named here so that what the Service reaches is visible.
          ports: lwm2mContainerPorts(lwm2m.fileServerHttpPort),
          env: [
            // Config.java: the host and ports written into firmware URLs; the HTTP port is also the one it listens on.
            env('FILE_SERVER_ADDRESS', lwm2m.fileServerAddress),
            env('FILE_SERVER_HTTP_PORT', lwm2m.fileServerHttpPort),
            env('FILE_SERVER_HTTPS_PORT', lwm2m.fileServerHttpsPort),
            // As v0.6.0 set them; its libraries (dojot-module-java 1.1.0) read only KAFKA_ADDRESS of these four.
            env('DOJOT_MANAGEMENT_USER', 'iotagent-lwm2m'),
            env('KAFKA_GROUP_ID', 'iotagent-lwm2m-group'),
            env('KAFKA_HOSTS', kafkaHosts),
            env('KAFKA_ADDRESS', kafkaHosts),
            // Addresses dojot-module-java 1.1.0 (com.cpqd.app.config.Config) would otherwise take from its defaults.
            env('IMGM_ADDRESS', hostPort(imageManager.services.api, 'http')), // host:port; the agent adds http://
            env('DEVM_ADDRESS', serviceUrl(deviceManager.services.api, 'http')),
            env('AUTH_ADDRESS', serviceUrl(auth.services.api, 'http')),
            env('DATA_BROKER_ADDRESS', serviceUrl(dataBroker.services.api, 'http')),
          ],
        },
      ],
    });
  }
}
