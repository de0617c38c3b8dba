import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { NodeGroup } from '../profile/types';
import { completeTemplate } from './container-facts';
import { type ServiceContract, servicePorts } from './contract';
import { dojotLabels } from './labels';
import { type PodPlacement, podAffinity } from './placement';

/** The pod of a dojot workload: its labels, node group and containers. */
export interface DojotPodProps {
  /** Pod labels; also the selector unless `selector` is given. */
  readonly labels: Record<string, string>;
  /** Pod annotations (e.g. a checksum of its configuration, so that a change rolls the pods). @default none */
  readonly annotations?: Record<string, string>;
  /** The node group the pod is pinned to when node affinity is on. */
  readonly group?: NodeGroup;
  readonly placement: PodPlacement;
  readonly containers: k8s.Container[];
  readonly volumes?: k8s.Volume[];
  /** Further pod settings (securityContext, restartPolicy, ...). */
  readonly spec?: Omit<k8s.PodSpec, 'containers' | 'volumes' | 'affinity'>;
}

export interface DojotWorkloadProps extends DojotPodProps {
  readonly name: string;
  /** @default 1 */
  readonly replicas?: number;
  /** Labels of the workload object itself. @default none */
  readonly metadataLabels?: Record<string, string>;
  /**
   * The name of its PodDisruptionBudget where the original had one (by the original's name): it then exists for
   * a single replica too, as it did. @default the workload's name, and a budget only when replicated
   */
  readonly disruptionBudgetName?: string;
  /** Selector labels, kept as the original's so that an existing deployment can be updated in place. @default labels */
  readonly selector?: Record<string, string>;
}

export interface DojotStatefulSetProps extends DojotWorkloadProps {
  /** The governing Service. */
  readonly serviceName: string;
  readonly volumeClaimTemplates?: k8s.KubePersistentVolumeClaimProps[];
  /** Further StatefulSet settings (updateStrategy, podManagementPolicy). */
  readonly statefulSet?: Pick<k8s.StatefulSetSpec, 'updateStrategy' | 'podManagementPolicy'>;
}

/**
 * The pod template of a workload, pinned to its node group when node affinity is on. Its
 * containers are not yet whole: the workload completes them (lib/container-facts.ts).
 */
export function dojotPodTemplate(p: DojotPodProps): k8s.PodTemplateSpec {
  return {
    metadata: { labels: p.labels, annotations: p.annotations },
    spec: {
      // No API token unless the pod says it calls the API (a broker's peer discovery, a service that starts pods).
      automountServiceAccountToken: false,
      ...p.spec,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, ...p.spec?.securityContext },
      affinity: p.group ? podAffinity(p.placement, p.group) : undefined,
      initContainers: p.spec?.initContainers?.map(hardened),
      containers: p.containers.map(hardened),
      volumes: p.volumes?.length ? p.volumes : undefined,
    },
  };
}

/** No container may gain more privileges than its process started with (setuid binaries, ...). */
function hardened(c: k8s.Container): k8s.Container {
  return { ...c, securityContext: { allowPrivilegeEscalation: false, ...c.securityContext } };
}

/**
 * A replicated workload's pods: spread over the nodes (by host name; a node that already runs more
 * of them than another is avoided, not refused), and never more than one disrupted at a time by a
 * drain (a PodDisruptionBudget, named after the workload). A single replica gets neither: a budget
 * would block every drain of its node.
 */
function replicated(p: DojotWorkloadProps): DojotWorkloadProps {
  if ((p.replicas ?? 1) < 2 || p.spec?.topologySpreadConstraints) return p;
  const spread: k8s.TopologySpreadConstraint = {
    maxSkew: 1,
    topologyKey: 'kubernetes.io/hostname',
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...(p.selector ?? p.labels) } },
  };
  return { ...p, spec: { ...p.spec, topologySpreadConstraints: [spread] } };
}

function disruptionBudget(scope: Construct, p: DojotWorkloadProps): void {
  const replicas = p.replicas ?? 1;
  // Replicas pinned to a group of one machine all go down with its drain whatever a budget says,
  // and the budget blocks that drain: the first pod evicted stays Pending, and the budget then
  // refuses every other eviction (npm run rehearse -- --drain, the guide's single broker machine).
  const soleMachine = p.group !== undefined && p.placement.nodeAffinity && p.placement.machines?.[p.group] === 1;
  if (replicas >= 2 && soleMachine) return;
  // One down at a time blocks no drain where the evicted pod has another machine to go to.
  if (replicas < 2 && !p.disruptionBudgetName) return;
  new k8s.KubePodDisruptionBudget(scope, 'DisruptionBudget', {
    metadata: { name: p.disruptionBudgetName ?? p.name, labels: p.metadataLabels },
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...(p.selector ?? p.labels) } } },
  });
}

export class DojotDeployment extends Construct {
  readonly resource: k8s.KubeDeployment;

  constructor(scope: Construct, id: string, props: DojotWorkloadProps) {
    super(scope, id);
    const p = replicated(props);
    this.resource = new k8s.KubeDeployment(this, 'Resource', {
      metadata: { name: p.name, labels: p.metadataLabels },
      spec: {
        replicas: p.replicas ?? 1,
        selector: { matchLabels: p.selector ?? p.labels },
        template: completeTemplate(this, { kind: 'Deployment', name: p.name }, dojotPodTemplate(p)),
      },
    });
    disruptionBudget(this, p);
  }
}

export class DojotStatefulSet extends Construct {
  readonly resource: k8s.KubeStatefulSet;

  constructor(scope: Construct, id: string, props: DojotStatefulSetProps) {
    super(scope, id);
    const p = replicated(props) as DojotStatefulSetProps;
    this.resource = new k8s.KubeStatefulSet(this, 'Resource', {
      metadata: { name: p.name, labels: p.metadataLabels },
      spec: {
        serviceName: p.serviceName,
        replicas: p.replicas ?? 1,
        selector: { matchLabels: p.selector ?? p.labels },
        ...p.statefulSet,
        template: completeTemplate(this, { kind: 'StatefulSet', name: p.name }, dojotPodTemplate(p)),
        volumeClaimTemplates: p.volumeClaimTemplates?.length ? p.volumeClaimTemplates : undefined,
      },
    });
    disruptionBudget(this, p);
  }
}

export interface DojotServiceProps {
  /** The Service's name, selector and ports, from its component's contract. */
  readonly contract: ServiceContract;
  readonly labels?: Record<string, string>;
  /** Further Service settings (type, clusterIP, traffic policies). */
  readonly spec?: Omit<k8s.ServiceSpec, 'ports' | 'selector'>;
}

/** A Service exactly as its contract describes it. */
export class DojotService extends Construct {
  readonly resource: k8s.KubeService;

  constructor(scope: Construct, id: string, { contract, labels, spec }: DojotServiceProps) {
    super(scope, id);
    this.resource = new k8s.KubeService(this, 'Resource', {
      metadata: { name: contract.name, labels },
      spec: { ...spec, ports: servicePorts(contract), selector: { ...contract.selector } },
    });
  }
}

export interface DojotApiServiceProps {
  /** Its Service; the Deployment, its pods and its one container take the Service's name. */
  readonly contract: ServiceContract;
  readonly placement: PodPlacement;
  readonly container: Omit<k8s.Container, 'name'>;
}

/**
 * A dojot service as v0.6.0 deployed most of them: its Service, and a Deployment of one container
 * in the dojot group with the original's labels (`name`, `app: dojot`), all named after the Service.
 */
export class DojotApiService extends Construct {
  constructor(scope: Construct, id: string, { contract, placement, container }: DojotApiServiceProps) {
    super(scope, id);
    const name = contract.name;
    new DojotService(this, 'Service', { contract, labels: { name } });
    new DojotDeployment(this, 'Deployment', {
      name,
      metadataLabels: { name, app: 'dojot' },
      labels: dojotLabels(name),
      group: 'dojot',
      placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name, ...container }],
    });
  }
}

/**
 * A plain `name=value` environment variable, its value the literal text it is: Kubernetes expands
 * `$(VAR)` in a value to another variable of the container (a Secret's value too) and reduces `$$`
 * to `$`, so every `$` is written doubled. A profile's text can then never name another variable.
 */
export const env = (name: string, value: string | number | boolean): k8s.EnvVar => ({ name, value: String(value).replace(/\$/g, '$$$$') });

/** A variable whose value names others of the container (`$(MY_POD_NAME)`) for Kubernetes to expand: written as it is. */
export const expandedEnv = (name: string, value: string): k8s.EnvVar => ({ name, value });
