import type { k8s } from 'cdk8s-plus-27';
import type { IConstruct } from 'constructs';
import type { ResourceTable } from '../profile/resources';
import type { HealthTable } from './container-probes';
import { resourceRequirements } from './container-resources';
import { type ImageSource, pulledImage } from './image-source';
import { type ImageSecurityTable, lockedDown } from './container-security';

/**
 * What a chart's containers are given where they are built, by workload and container name: their
 * requests and memory limit (the profile's `resources`), their health checks and how far their
 * images let them be locked down (their component's `health` and `security`).
 */
export interface ContainerFacts {
  readonly resources: ResourceTable;
  readonly health: HealthTable;
  readonly security: ImageSecurityTable;
  /** Where the images are pulled from: a mirror, digests. */
  readonly images: ImageSource;
}

/** A construct, the chart, whose workloads' containers are built with these facts. */
export interface CarriesContainerFacts {
  readonly containerFacts?: ContainerFacts;
}

/** The workload a pod template belongs to. Only long-running kinds are probed: a Job's pods end. */
export interface WorkloadRef {
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';
  readonly name: string;
}

/** The facts of the chart `scope` is built in. */
export function containerFactsOf(scope: IConstruct): ContainerFacts {
  for (const s of [...scope.node.scopes].reverse()) {
    const facts = (s as CarriesContainerFacts).containerFacts;
    if (facts) return facts;
  }
  throw new Error(`${scope.node.path}: its chart carries no container facts (build it through its component, charts/platform.ts)`);
}

/**
 * The pod template with each container whole: its image as pulled (mirror, digest), its resources, its health checks (long-running
 * kinds) and its image security, with an emptyDir volume for each path it writes on a read-only
 * root filesystem. A container the facts do not list is a defect of this repository, named.
 */
export function completeTemplate(scope: IConstruct, workload: WorkloadRef, template: k8s.PodTemplateSpec): k8s.PodTemplateSpec {
  const facts = containerFactsOf(scope);
  const spec = template.spec as k8s.PodSpec;
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
  const scratch: string[] = [];
  const build = (c: k8s.Container, probed: boolean): k8s.Container => {
    const { container: whole, scratchVolumes } = lockedDown(
      {
        ...c,
        ...(c.image ? { image: pulledImage(c.image, facts.images) } : {}),
        resources: resourceRequirements(sizeOf(facts, workload, c)),
      },
      securityOf(facts, workload, c),
    );
    for (const name of scratchVolumes.filter((v) => !volumes.has(v))) {
      volumes.add(name);
      scratch.push(name);
    }
    return probed ? withHealthChecks(whole, facts, workload) : whole;
  };
  const initContainers = spec.initContainers?.map((c) => build(c, false));
  const containers = spec.containers.map((c) => build(c, workload.kind !== 'Job'));
  const emptyDirs = scratch.map((name) => ({ name, emptyDir: {} }));
  return {
    ...template,
    spec: {
      ...spec,
      ...(initContainers ? { initContainers } : {}),
      containers,
      ...(emptyDirs.length ? { volumes: [...(spec.volumes ?? []), ...emptyDirs] } : {}),
    },
  };
}

function entryOf<T>(table: { readonly [w: string]: { readonly [c: string]: T } }, w: WorkloadRef, c: k8s.Container): T | undefined {
  const entries = Object.hasOwn(table, w.name) ? table[w.name] : undefined;
  return entries && Object.hasOwn(entries, c.name) ? entries[c.name] : undefined;
}

function sizeOf(facts: ContainerFacts, w: WorkloadRef, c: k8s.Container) {
  const size = entryOf(facts.resources, w, c);
  if (!size) throw new Error(`no resources for container ${c.name} of ${w.kind} ${w.name}: add it to profile/resources.ts`);
  return size;
}

function securityOf(facts: ContainerFacts, w: WorkloadRef, c: k8s.Container) {
  const security = entryOf(facts.security, w, c);
  if (!security) throw new Error(`no image security for container ${c.name} of ${w.kind} ${w.name}: add it to its component's security`);
  return security;
}

function withHealthChecks(c: k8s.Container, facts: ContainerFacts, w: WorkloadRef): k8s.Container {
  const entry = entryOf(facts.health, w, c);
  if (!entry) throw new Error(`no health checks for container ${c.name} of ${w.kind} ${w.name}: add it to its component's health`);
  if ('none' in entry) return c;
  if ('own' in entry) {
    if (!c.readinessProbe || !c.livenessProbe)
      throw new Error(`${w.kind} ${w.name}: container ${c.name} should set its own probes (${entry.own})`);
    return c;
  }
  return {
    ...c,
    readinessProbe: entry.readiness,
    livenessProbe: entry.liveness,
    ...(entry.startup ? { startupProbe: entry.startup } : {}),
  };
}
