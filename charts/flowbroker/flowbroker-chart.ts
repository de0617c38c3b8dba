import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { hostPort, portOf, serviceUrl } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';
import { FLOW_NODE_RULES } from './flow-nodes';
import { DOJOT_REDIS_IMAGE } from '../../lib/redis';
import type { AuthContract } from '../auth/contract';
import type { DataBrokerContract } from '../data-broker/contract';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { KafkaContract } from '../kafka/contract';
import type { MongodbContract } from '../mongodb/contract';
import type { RabbitmqContract } from '../rabbitmq/contract';
import type { ZookeeperContract } from '../zookeeper/contract';
import type { FlowbrokerContract } from './contract';

/** The contracts this chart reads. */
type FlowbrokerReads = {
  readonly zookeeper: ZookeeperContract;
  readonly mongodb: MongodbContract;
  readonly kafka: KafkaContract;
  readonly rabbitmq: RabbitmqContract;
  readonly auth: AuthContract;
  readonly dataBroker: DataBrokerContract;
  readonly deviceManager: DeviceManagerContract;
  readonly flowbroker: FlowbrokerContract;
};

export interface FlowbrokerChartProps extends DojotChartProps<FlowbrokerReads> {
  readonly version: string;
  readonly contextManagerVersion: string;
  /** Create the Role that lets flowbroker create the flow nodes at run time. */
  readonly rbac: boolean;
}

const ACCOUNT = 'flowbroker';
/** The context manager's ZeroMQ port (its ZEROMQ_PORT; flowbroker's CONTEXT_MANAGER_PORT). */
export const CONTEXT_ZMQ_PORT = 5556;
/** The context manager's HTTP port (SERVICE_PORT, as v0.6.0 set it). */
export const CONTEXT_HTTP_PORT = 8080;

/** flowbroker, its Redis and context manager in one pod, its ServiceAccount and Role, and its Service (roles/flowbroker of v0.6.0). */
export class FlowbrokerChart extends DojotChart<FlowbrokerReads> {
  constructor(scope: Construct, id: string, { version, contextManagerVersion, rbac, ...props }: FlowbrokerChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.flowbroker.services;
    const { kafka, zookeeper, rabbitmq, mongodb, deviceManager, dataBroker, auth } = this.contracts;
    new DojotService(this, 'Service', { contract: api, labels: { name: api.name } });
    const contextManager = this.contracts.flowbroker.services.contextManager;
    new DojotService(this, 'ContextManagerService', { contract: contextManager, labels: { name: contextManager.name } });

    const account = new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: ACCOUNT } });
    if (rbac) this.flowNodeRbac(account.name, props.namespace);

    const zk = zookeeper.services.client;
    const deviceManagerUrl = serviceUrl(deviceManager.services.api, 'http');
    new DojotDeployment(this, 'Deployment', {
      name: api.name,
      metadataLabels: { name: api.name, app: 'dojot' },
      labels: dojotLabels(api.name),
      group: 'dojot',
      placement: this.placement,
      spec: {
        restartPolicy: 'Always',
        serviceAccountName: account.name,
        // It creates the flow nodes through the API, with this token (kubernetes-client loads it in-cluster).
        automountServiceAccountToken: true,
      },
      containers: [
        {
          name: 'flowbroker',
          image: `dojot/flowbroker:${version}`,
          ports: [{ name: 'http', containerPort: portOf(api, 'http').port }], // orchestrator/api.js listens on 80
          env: [
            env('FLOWBROKER_CACHE_HOST', 'localhost'),
            env('KAFKA_HOSTS', hostPort(kafka.services.broker, 'kafka')),
            env('CONTEXT_MANAGER_ADDRESS', 'localhost'),
            env('CONTEXT_MANAGER_PORT', CONTEXT_ZMQ_PORT),
            env('DEPLOY_ENGINE', 'kubernetes'),
            env('KAFKA_GROUP_ID', 'flowbroker-group'),
            env('DOJOT_MANAGEMENT_USER', 'flowbroker'),
            // Addresses orchestrator/config.js (v0.6.0) would otherwise take from its defaults.
            env('AMQP_URL', serviceUrl(rabbitmq.services.amqp, 'amqp', '', 'amqp')),
            env('MONGO_URL', serviceUrl(mongodb.services.db, 'mongo', '', 'mongodb')),
            env('DEVICE_MANAGER_HOST', deviceManagerUrl),
            env('DEVICE_MANAGER_URL', deviceManagerUrl),
            env('DATA_BROKER_URL', serviceUrl(dataBroker.services.api, 'http')),
            env('AUTH_URL', serviceUrl(auth.services.api, 'http')),
          ],
        },
        { name: 'flowbroker-redis', image: DOJOT_REDIS_IMAGE },
        {
          name: 'flowbroker-context-manager',
          image: `dojot/flowbroker-context-manager:${contextManagerVersion}`,
          ports: [
            { name: 'context-http', containerPort: CONTEXT_HTTP_PORT },
            { name: 'context-zmq', containerPort: CONTEXT_ZMQ_PORT },
          ],
          // contextManager/index.js reads these (v0.6.0).
          env: [
            env('SERVICE_PORT', CONTEXT_HTTP_PORT),
            env('ZOOKEEPER_HOST', zk.name),
            env('ZOOKEEPER_PORT', portOf(zk, 'client').port),
            env('ZEROMQ_PORT', CONTEXT_ZMQ_PORT),
            env('HOLD_LOCK_TIMEOUT', 10000),
            env('WAIT_LOCK_TIMEOUT', 30000),
          ],
        },
      ],
    });
  }

  /**
   * The rights to create and remove flow nodes (flow-nodes.ts), in this namespace. flowbroker
   * v0.6.0 only ever calls namespace `dojot`: with another namespace these rights do not apply.
   */
  private flowNodeRbac(serviceAccount: string, namespace: string): void {
    const role = new k8s.KubeRole(this, 'Role', { metadata: { name: 'flowbroker-role' }, rules: FLOW_NODE_RULES });
    new k8s.KubeRoleBinding(this, 'RoleBinding', {
      metadata: { name: 'flowbroker-role-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.name },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    });
  }
}
