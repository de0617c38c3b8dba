import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { VerneMq } from '../../imports/vernemq.com';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { NODE_GROUP_LABEL } from '../../lib/placement';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotService } from '../../lib/workloads';
import type { NodePorts, Profile } from '../../profile/types';
import { type BrokerSettings, DOJOT_BROKER_SETTINGS, encodeVernemqConf } from './broker-settings';

export interface VernemqBrokerChartProps extends DojotChartProps {
  readonly vernemq: Profile['vernemq'];
  readonly nodePorts: NodePorts;
  readonly domainName: string;
  /** @default DOJOT_BROKER_SETTINGS */
  readonly settings?: BrokerSettings;
}

/** Name of the VerneMQ resource; the operator names its StatefulSet and pods `vernemq-<name>`. */
const CLUSTER = 'k8s';
/** Labels the operator gives the broker pods. */
const BROKER_POD_LABELS = { app: 'vernemq', vernemq: CLUSTER };

/**
 * The MQTT brokers: the VerneMQ resource (the operator creates the StatefulSet from it), its
 * service account, the in-cluster Service and the NodePort Service the load balancer targets.
 */
export class VernemqBrokerChart extends DojotChart {
  constructor(scope: Construct, id: string, { vernemq, nodePorts, domainName, settings, ...props }: VernemqBrokerChartProps) {
    super(scope, id, props);
    const colocated = this.placement.nodeAffinity;

    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: SERVICE_NAMES.vernemq } });

    // In-cluster MQTT for the bridges. The original's `topologyKeys: [kubernetes.io/hostname]`
    // (removed in 1.22) kept their traffic on the node; `internalTrafficPolicy: Local` is the
    // same rule today, and is only right when the bridges share the brokers' nodes.
    new DojotService(this, 'Service', {
      name: SERVICE_NAMES.vernemq,
      labels: { vernemq: CLUSTER },
      selector: BROKER_POD_LABELS,
      spec: { sessionAffinity: 'ClientIP', internalTrafficPolicy: colocated ? 'Local' : undefined },
      ports: [
        { name: 'mqtt', port: 1883, targetPort: k8s.IntOrString.fromString('mqtt') },
        { name: 'mqtts', port: 8883, targetPort: k8s.IntOrString.fromString('mqtts') },
        { name: 'mqtt-ws', port: 8080, targetPort: k8s.IntOrString.fromString('mqtt-ws') },
        { name: 'http', port: 8888, targetPort: k8s.IntOrString.fromString('http') },
      ],
    });

    const nodePort = (port: number) => (nodePorts.fixed ? port : undefined);
    new DojotService(this, 'ExternalService', {
      name: SERVICE_NAMES.vernemqExternal,
      selector: { vernemq: CLUSTER },
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local' },
      ports: [
        ...(vernemq.insecureMqtt ? [{ name: 'mqtt', port: 1883, nodePort: nodePort(nodePorts.mqtt) }] : []),
        { name: 'mqtts', port: 8883, nodePort: nodePort(nodePorts.mqtts) },
      ],
    });

    new VerneMq(this, 'VerneMq', {
      metadata: {
        name: CLUSTER,
        labels: { vernemq: CLUSTER },
        // Argo CD dry-runs every object before it syncs; on an empty cluster this resource's CRD
        // does not exist yet, so the dry run must wait for the sync that creates it.
        annotations: { 'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true' },
      },
      spec: {
        baseImage: 'dojot/vernemq-dojot',
        tag: vernemq.version,
        size: vernemq.replicas,
        serviceAccountName: SERVICE_NAMES.vernemq,
        env: brokerEnv(domainName, settings ?? DOJOT_BROKER_SETTINGS),
        config: {
          configs: ['register', 'publish', 'subscribe', 'unsubscribe'].map((action) => ({ name: `allow_${action}_during_netsplit`, value: 'on' })),
          listeners: [
            { address: '0.0.0.0', port: 1883 },
            { address: '0.0.0.0', port: 1888, websocket: true },
          ],
          plugins: [],
        },
        nodeSelector: colocated ? { [NODE_GROUP_LABEL]: this.placement.nodeLabels.vernemq } : undefined,
        // One broker per node where possible: the bridges and the NodePort
        // (externalTrafficPolicy: Local) reach the broker of their own node.
        affinity: colocated
          ? {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: BROKER_POD_LABELS }, topologyKey: 'kubernetes.io/hostname' } },
                ],
              },
            }
          : undefined,
      },
    });
  }
}

function brokerEnv(domainName: string, settings: BrokerSettings) {
  const every10Minutes = '*/10 * * * *';
  return [
    { name: 'USE_VMQ_OPERATOR', value: 'y' },
    { name: 'CRL_UPDATE_TIME', value: every10Minutes },
    { name: 'CHECK_EXPIRATION_TIME', value: every10Minutes },
    { name: 'CHECK_BROKER_CERT_REVOKED_TIME', value: every10Minutes },
    { name: 'CHECKEND_EXPIRATION_SEC', value: '43200' }, // renew the broker certificate 12 h before it expires
    { name: 'EXTERNAL_SERVER_HOSTNAME', value: domainName },
    { name: 'EXTERNAL_SERVER_IP', value: '127.0.0.1' },
    { name: 'INTERNAL_DNS', value: SERVICE_NAMES.vernemq },
    { name: 'PLUGIN_DISC_LIFETIME_SESSION', value: '1500000' },
    { name: 'VERNEMQ_CONF', value: encodeVernemqConf(settings) },
  ];
}
