import type { App, Chart } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-27';
import type { ComponentContract } from '../lib/contract';
import type { HealthTable } from '../lib/container-probes';
import type { ContainerFacts } from '../lib/container-facts';
import type { ImageSecurityTable } from '../lib/container-security';
import type { ImageLifecycle } from '../lib/image-lifecycle';
import type { GeneratedSecret } from '../lib/secrets';
import type { StartContractTable } from '../lib/start-contract';
import type { Flavour, Profile } from '../profile/types';
import type { DojotChartProps } from './dojot-chart';

/** The flavours of the whole platform (each with its own device agent), and all four. */
export const FULL: readonly Flavour[] = ['vernemq', 'mosca', 'lwm2m'];
export const ALL: readonly Flavour[] = ['100k', ...FULL];

/**
 * The order Argo CD applies dojot in (`argocd.argoproj.io/sync-wave`), by what each component
 * needs first; a wave starts once the one before is healthy. v0.6.0's playbooks waited instead,
 * retrying each object 30 times every 10 s. `kubectl apply` ignores the annotation.
 */
export const WAVES = {
  /** The Namespace, the StorageClass, the local volumes, the network policies. */
  foundation: 0,
  /** The data stores and Zookeeper. */
  dataStores: 1,
  /** The message broker (on the data stores' coordinator), and the Jobs that set up a data store (the gateway's migrations, ...). */
  messaging: 2,
  /** Every service. */
  services: 3,
  /** Kong's routes, once Kong and the services it routes to run. */
  routes: 4,
} as const;

/** Argo CD's wave of a component's objects: by what it needs running first. */
export type ComponentWave = 'dataStores' | 'messaging' | 'services';

/**
 * What the platform knows of one component, in its own folder (`charts/<service>/component.ts`):
 * the platform's wiring, the lists, the network policies, the load balancer and the picture read
 * it from there.
 */
export interface Component<N extends string = string, C extends ComponentContract = ComponentContract> {
  /** Its key in the contracts (`imageManager`). */
  readonly name: N;
  /** Its chart's id: the output file's name and every pod's `app.kubernetes.io/name`. None: the monitoring stack runs it. */
  readonly chartId?: string;
  /** `app.kubernetes.io/component`. */
  readonly role: string;
  /**
   * Which flavours deploy it: the original's `deploy.yaml`, role by role and tag by tag (`--tags
   * 100k`, `vernemq`, `mosca`, `lwm2m`), or a rule of the toggles some roles have (`optional.*`
   * of services.yaml, `guiV2.enabled`).
   */
  readonly deployedBy: readonly Flavour[] | ((p: Profile) => boolean);
  readonly wave: ComponentWave;
  /** Its Jobs, run as Argo CD hooks in the wave of what they must have done before the next. */
  readonly jobWaves?: Readonly<Record<string, keyof typeof WAVES>>;
  /** What it offers the others: Services, ports, NodePorts, routes, volumes. */
  readonly contract: (p: Profile) => C;
  /**
   * Its chart, made from its slice of the profile; `common` carries every contract, of which the
   * chart's type names those it reads; `deployed`, the deployed components' contracts (Kong's
   * routes). None: the monitoring stack runs it. (A method, so that each chart's own contracts
   * type is accepted here.)
   */
  chart?(app: App, id: string, p: Profile, common: DojotChartProps<object>, deployed: readonly ComponentContract[]): Chart;
  /**
   * What it connects to inside the namespace: each server's component, Service and port roles, as
   * its contract names them. Read from the component's source at v0.6.0 (its environment variables
   * and the dojot libraries it uses; `README.md`, Security, names the sources). The network
   * policies let exactly these in. Kong's calls to what it routes to are not here: they follow
   * from the routes in the contracts.
   */
  readonly calls?: readonly Call[];
  /** It calls every Service a deployed component's route names, as its upstream (the API gateway). */
  readonly callsRoutes?: true;
  /**
   * The network policies of traffic no Service carries (between its own pods, to pods it starts);
   * `ownPods` is the peer that selects its pods.
   */
  ownPolicies?(p: Profile, contract: C, ownPods: k8s.NetworkPolicyPeer): readonly OwnPolicy[];
  /** Who else its Services let in, that is not a component: its own Job, a stack's namespace, pods another component starts. */
  admits?(p: Profile): readonly Admission[];
  /**
   * The health checks of its long-running workloads, by workload and container, each the best its
   * image offers, read from the image's source (named per entry). Jobs get none: they end.
   */
  health?(p: Profile, contract: C): HealthTable;
  /**
   * How far each of its images lets its containers be locked down, by workload and container, read
   * from the image's source (named per entry; `/README.md`, Security, has the table): a non-root
   * user, all capabilities dropped, a read-only root filesystem with an emptyDir for each path it
   * writes; where the image does not allow it, `reason` says why.
   */
  readonly security?: ImageSecurityTable;
  /**
   * What each of its containers reads at start, by workload and container, read from the image's
   * source (its `start-contract.ts`): the variables, the credentials, the peers.
   */
  start?(p: Profile): StartContractTable;
  /** What synth should tell the operator of this profile's use of it (a risk the profile takes). */
  notices?(p: Profile): readonly string[];
  /** What each image it runs is, and the ends of upstream support it is past (README, Images). */
  readonly images?: readonly ImageLifecycle[];
  /** The Secrets it owns and `npm run secrets` generates when it is deployed (its `secret.ts`). */
  readonly secrets?: readonly GeneratedSecret[];
}

/** A NetworkPolicy of a component's own, by its construct id and name. */
export interface OwnPolicy {
  readonly id: string;
  readonly name: string;
  readonly spec: k8s.NetworkPolicySpec;
}

/** Pods that are not a component's, let in on some ports of one of a component's Services. */
export interface Admission {
  readonly service: string;
  readonly ports: readonly string[];
  readonly from: k8s.NetworkPolicyPeer;
}

/** A connection a component makes: to a Service of another (or its own), on some of its ports. */
export interface Call {
  readonly to: string;
  readonly service: string;
  readonly ports: readonly string[];
}

/** A component, its name, chart id and contract's type kept for the platform's contracts (`ChartedName`). */
export const component = <const N extends string, C extends ComponentContract, const I extends string | undefined = undefined>(
  c: Component<N, C> & { readonly chartId?: I },
): Component<N, C> & { readonly chartId: I } => c as Component<N, C> & { readonly chartId: I };

/** Whether the profile deploys the component. */
export const isDeployed = (c: Component, p: Profile): boolean =>
  typeof c.deployedBy === 'function' ? c.deployedBy(p) : c.deployedBy.includes(p.flavour);

/** What its chart's containers are given where they are built: their sizes, its health checks and image security. */
export const containerFactsOf = <C extends ComponentContract>(c: Component<string, C>, p: Profile, contract: C): ContainerFacts => ({
  resources: p.resources,
  health: c.health?.(p, contract) ?? {},
  security: c.security ?? {},
  images: p.images,
});
