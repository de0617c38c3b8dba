import { VERNEMQ_SECRET } from './secret';
import { createHash } from 'node:crypto';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { hostPort } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { secretEnv } from '../../lib/secrets';
import { DojotService, DojotStatefulSet, env, expandedEnv } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { brokerSettings, renderVernemqConf, renderVmArgs } from './broker-settings';
import { BROKER_POD_LABELS, BROKER_STATEFULSET, VERNEMQ_VOLUME } from './contract';
import { claimSpec } from '../storage/claims';
import { IMAGE_PATHS } from './image-facts';
import { CONFIG_DIR, COOKIE_ENV, preStopCommand, renderStartScript } from './start-script';
import type { BridgeContract } from '../bridges/contract';
import type { X509IdentityMgmtContract } from '../x509-identity-mgmt/contract';
import type { VernemqContract } from './contract';

/** The contracts this chart reads. */
type VernemqReads = {
  readonly vernemq: VernemqContract;
  readonly v2kBridge: BridgeContract;
  readonly k2vBridge: BridgeContract;
  readonly x509IdentityMgmt: X509IdentityMgmtContract;
};

export interface VernemqChartProps extends DojotChartProps<VernemqReads> {
  readonly vernemq: Profile['vernemq'];
  readonly domainName: string;
  readonly clusterDomain: string;
  /** Create the discovery Role and RoleBinding (`kubernetesRbac`). */
  readonly rbac: boolean;
}

const CONFIG_MAP = `${BROKER_STATEFULSET}-config`;
/** Seconds the preStop leaves to the kubelet between the end of `cluster leave` and the grace period's end. */
const STOP_MARGIN_SECONDS = 60;

/**
 * The MQTT brokers: a StatefulSet of dojot/vernemq-dojot whose nodes find each other through
 * the Kubernetes API, their configuration (a ConfigMap, reviewable in dist/), the discovery
 * ServiceAccount and Role, the headless governing Service, the in-cluster Service and the
 * NodePort Service the load balancer targets.
 */
export class VernemqChart extends DojotChart<VernemqReads> {
  constructor(scope: Construct, id: string, { vernemq, domainName, clusterDomain, rbac, ...props }: VernemqChartProps) {
    super(scope, id, props);
    const { internal, external, cluster } = this.contracts.vernemq.services;
    const colocated = this.placement.nodeAffinity;

    // In-cluster MQTT for the bridges. The original's `topologyKeys: [kubernetes.io/hostname]`
    // (removed in 1.22) kept their traffic on the node; `internalTrafficPolicy: Local` is the
    // same rule today, and is only right when the bridges share the brokers' nodes.
    new DojotService(this, 'Service', {
      contract: internal,
      labels: { vernemq: BROKER_POD_LABELS.vernemq },
      spec: { sessionAffinity: 'ClientIP', internalTrafficPolicy: colocated ? 'Local' : undefined },
    });
    new DojotService(this, 'ExternalService', { contract: external, spec: { type: 'NodePort', externalTrafficPolicy: 'Local' } });
    // The nodes' names resolve through this Service before they are ready: a node joins its
    // peer while starting.
    new DojotService(this, 'GoverningService', {
      contract: cluster,
      labels: { vernemq: BROKER_POD_LABELS.vernemq },
      spec: { clusterIp: 'None', publishNotReadyAddresses: true },
    });

    const account = new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: BROKER_STATEFULSET } });
    if (rbac) this.discoveryRbac(account.name);

    const settings = brokerSettings(vernemq);
    const persistent = vernemq.persistence.enabled;
    const files = { 'vernemq.conf': renderVernemqConf(settings), 'vm.args': renderVmArgs(settings), 'start.sh': renderStartScript() };
    new k8s.KubeConfigMap(this, 'Config', { metadata: { name: CONFIG_MAP }, data: files });

    new DojotStatefulSet(this, 'StatefulSet', {
      name: BROKER_STATEFULSET,
      metadataLabels: { vernemq: BROKER_POD_LABELS.vernemq },
      labels: { ...BROKER_POD_LABELS },
      serviceName: cluster.name,
      replicas: vernemq.replicas,
      // A node joins, once and at start, the first other pod the API lists, ready or not
      // (start_vernemq): ordered start makes that pod one that is already up.
      statefulSet: { podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' } },
      // A change of the configuration rolls the brokers.
      annotations: { 'checksum/config': createHash('sha256').update(JSON.stringify(files)).digest('hex') },
      group: 'vernemq',
      placement: this.placement,
      spec: {
        serviceAccountName: account.name,
        automountServiceAccountToken: true, // discovery lists the pods through the API
        terminationGracePeriodSeconds: vernemq.terminationGracePeriodSeconds,
        securityContext: {
          runAsUser: IMAGE_PATHS.uid,
          runAsGroup: IMAGE_PATHS.uid,
          fsGroup: IMAGE_PATHS.uid,
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        // One broker per node while the group has nodes enough: the NodePort and the bridges'
        // Service send each node's traffic to its own broker.
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { ...BROKER_POD_LABELS } },
          },
        ],
      },
      containers: [
        {
          name: 'vernemq',
          image: `dojot/vernemq-dojot:${vernemq.version}`,
          // `args` keeps the image's entrypoint (tini).
          args: ['/bin/sh', `${CONFIG_DIR}/start.sh`],
          ports: [
            { name: 'mqtt', containerPort: 1883 },
            { name: 'mqtts', containerPort: 8883 },
            { name: 'mqtt-ws', containerPort: 8080 },
            { name: 'http', containerPort: 8888 },
            { name: 'epmd', containerPort: 4369 },
            { name: 'vmq', containerPort: 44053 },
          ],
          env: this.brokerEnv(domainName, clusterDomain),
          // /health answers 503 until the node has joined its cluster and its listeners run
          // (VerneMQ 1.10 vmq_health_http.erl). The first start waits for x509-identity-mgmt
          // (up to 180 s) and makes a 4096-bit key.
          startupProbe: {
            httpGet: { path: '/health', port: k8s.IntOrString.fromString('http') },
            periodSeconds: 10,
            failureThreshold: 36,
            timeoutSeconds: 5,
          },
          readinessProbe: {
            httpGet: { path: '/health', port: k8s.IntOrString.fromString('http') },
            periodSeconds: 10,
            failureThreshold: 3,
            timeoutSeconds: 5,
          },
          // Liveness must not follow the cluster's state: a netsplit would restart every node.
          livenessProbe: {
            tcpSocket: { port: k8s.IntOrString.fromString('http') },
            periodSeconds: 20,
            failureThreshold: 3,
            timeoutSeconds: 5,
          },
          lifecycle: { preStop: { exec: { command: preStopCommand(vernemq.terminationGracePeriodSeconds - STOP_MARGIN_SECONDS) } } },
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            // The image's scripts write /vernemq/crontab.tab and /vernemq/etc at start.
            readOnlyRootFilesystem: false,
          },
          volumeMounts: [
            { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
            { name: 'data', mountPath: '/vernemq/data' },
          ],
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: CONFIG_MAP } },
        // Without persistence, as in v0.6.0: the data lives as long as the pod (README, VerneMQ's state).
        ...(persistent ? [] : [{ name: 'data', emptyDir: {} }]),
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: VERNEMQ_VOLUME.claimTemplate.name }, spec: claimSpec(this.storage, VERNEMQ_VOLUME, vernemq.persistence) }]
        : undefined,
    });
  }

  /** What the nodes need to list their peers (start_vernemq's only API call): get and list pods. */
  private discoveryRbac(serviceAccount: string): void {
    const name = `${BROKER_STATEFULSET}-discovery`;
    new k8s.KubeRole(this, 'DiscoveryRole', {
      metadata: { name },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
    });
    new k8s.KubeRoleBinding(this, 'DiscoveryRoleBinding', {
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount }],
    });
  }

  private brokerEnv(domainName: string, clusterDomain: string): k8s.EnvVar[] {
    const { vernemq, x509IdentityMgmt, v2kBridge, k2vBridge } = this.contracts;
    const field = (name: string, fieldPath: string): k8s.EnvVar => ({ name, valueFrom: { fieldRef: { fieldPath } } });
    const every10Minutes = '*/10 * * * *';
    return [
      // Node name and discovery (start_vernemq). Kubernetes expands $(VAR) from the variables above it.
      field('MY_POD_NAME', 'metadata.name'),
      field('DOCKER_IP_ADDRESS', 'status.podIP'),
      field('DOCKER_VERNEMQ_KUBERNETES_NAMESPACE', 'metadata.namespace'),
      env('DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME', clusterDomain),
      env('DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN', vernemq.services.cluster.name),
      expandedEnv(
        'DOCKER_VERNEMQ_NODENAME',
        '$(MY_POD_NAME).$(DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN).$(DOCKER_VERNEMQ_KUBERNETES_NAMESPACE).svc.$(DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME)',
      ),
      env('DOCKER_VERNEMQ_DISCOVERY_KUBERNETES', 1),
      // The image's default (app=vernemq) would also match pods that are not these brokers.
      env(
        'DOCKER_VERNEMQ_KUBERNETES_LABEL_SELECTOR',
        Object.entries(BROKER_POD_LABELS)
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      ),
      secretEnv(COOKIE_ENV, VERNEMQ_SECRET, 'cookie'),
      // Certificates (vmq_dojot.sh); it returns after them and the start script starts the broker.
      env('USE_VMQ_OPERATOR', 'y'),
      env('EJBCA_ADDRESS', hostPort(x509IdentityMgmt.services.api, 'http')),
      env('CRL_UPDATE_TIME', every10Minutes),
      env('CHECK_EXPIRATION_TIME', every10Minutes),
      env('CHECK_BROKER_CERT_REVOKED_TIME', every10Minutes),
      env('CHECKEND_EXPIRATION_SEC', 43200), // renew the broker certificate 12 h before it expires
      env('EXTERNAL_SERVER_HOSTNAME', domainName),
      env('EXTERNAL_SERVER_IP', '127.0.0.1'),
      env('INTERNAL_DNS', vernemq.services.internal.name),
      // dojot's plugins: the bridges' rights, and the session lifetime.
      env('PLUGIN_ACL_V2K_SERVICENAME', v2kBridge.services.api.name),
      env('PLUGIN_ACL_K2V_SERVICENAME', k2vBridge.services.api.name),
      env('PLUGIN_DISC_LIFETIME_SESSION', 1500000),
    ];
  }
}
