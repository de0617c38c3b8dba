import type { Construct } from 'constructs';
import { hostPort, portOf, serviceUrl } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import { START_SCRIPT_PKI_URL } from './image-facts';
import { DOJOT_REDIS_IMAGE } from '../../lib/redis';
import type { AuthContract } from '../auth/contract';
import type { DataBrokerContract } from '../data-broker/contract';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { KafkaContract } from '../kafka/contract';
import type { X509IdentityMgmtContract } from '../x509-identity-mgmt/contract';
import type { IotagentMoscaContract } from './contract';

/** The contracts this chart reads. */
type IotagentMoscaReads = {
  readonly kafka: KafkaContract;
  readonly auth: AuthContract;
  readonly dataBroker: DataBrokerContract;
  readonly deviceManager: DeviceManagerContract;
  readonly iotagentMosca: IotagentMoscaContract;
  readonly x509IdentityMgmt: X509IdentityMgmtContract;
};

export interface IotagentMoscaChartProps extends DojotChartProps<IotagentMoscaReads> {
  readonly version: string;
  readonly domainName: string;
  readonly insecureMqtt: boolean;
}

/** iotagent-mosca: its Deployment (with its Redis) and NodePort Service (roles/iotagent-mosca of v0.6.0). */
export class IotagentMoscaChart extends DojotChart<IotagentMoscaReads> {
  constructor(scope: Construct, id: string, { version, domainName, insecureMqtt, ...props }: IotagentMoscaChartProps) {
    super(scope, id, props);
    const { mqtt } = this.contracts.iotagentMosca.services;
    const { kafka, x509IdentityMgmt, dataBroker, auth, deviceManager } = this.contracts;
    const pki = serviceUrl(x509IdentityMgmt.services.api, 'http');
    if (pki !== START_SCRIPT_PKI_URL) throw new Error(`iotagent-mosca's start script only reaches ${START_SCRIPT_PKI_URL}, not ${pki}`);

    // Plain MQTT (1883) only with insecureMqtt: the contract leaves the port out otherwise.
    new DojotService(this, 'Service', {
      contract: mqtt,
      labels: { name: mqtt.name },
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local' },
    });
    const listeners = [portOf(mqtt, 'mqtts'), ...(insecureMqtt ? [portOf(mqtt, 'mqtt')] : [])];
    new DojotDeployment(this, 'Deployment', {
      name: mqtt.name,
      metadataLabels: { name: mqtt.name, app: 'dojot' },
      labels: dojotLabels(mqtt.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: 'iotagent-mosca',
          image: `dojot/iotagent-mosca:${version}`,
          // src/mosca.js: 8883 always, 1883 with ALLOW_UNSECURED_MODE.
          ports: listeners.map((p) => ({ name: p.name, containerPort: p.port })),
          env: [
            env('MOSCA_TLS_DNS_LIST', domainName),
            env('LOG_LEVEL', 'info'),
            env('MOSCA_TLS_X509_IDENTITY_MGMT', pki),
            env('BACKEND_HOST', 'localhost'),
            env('DOJOT_MANAGEMENT_USER', 'iotagent-mqtt'),
            env('KAFKA_GROUP_ID', 'iotagent-mqtt-group'),
            env('ALLOW_UNSECURED_MODE', insecureMqtt),
            env('KAFKA_HOSTS', hostPort(kafka.services.broker, 'kafka')),
            // Addresses src/config.js would otherwise take from its defaults.
            env('DATA_BROKER_URL', serviceUrl(dataBroker.services.api, 'http')),
            env('AUTH_URL', serviceUrl(auth.services.api, 'http')),
            env('DEVICE_MANAGER_URL', serviceUrl(deviceManager.services.api, 'http')),
          ],
        },
        { name: 'redis', image: DOJOT_REDIS_IMAGE, ports: [{ containerPort: 6379 }] },
      ],
    });
  }
}
