import { k8s } from 'cdk8s-plus-27';
import type { NodeGroup, Persistence, Profile } from '../profile/types';

/**
 * What a dojot service promises the rest of the platform: its Services (DNS names, selectors,
 * ports), which ports are NodePorts behind which load-balancer entry point, the paths it
 * publishes through the API gateway, and the local volumes it claims. Each `charts/<service>/`
 * exports one, computed from the profile; its own chart, the other charts' environment
 * variables, the load balancer and Kong's routes all read it, so that no port or name of a
 * service is written twice.
 */
export interface ComponentContract {
  readonly services: Readonly<Record<string, ServiceContract>>;
  /** Paths it publishes through the API gateway (Kong). @default none */
  readonly routes?: readonly ApiRoute[];
  /** Local PersistentVolumes its claims bind to. @default none */
  readonly volumes?: readonly LocalVolume[];
}

/** A Service other parts reach: its DNS name, the pods it selects and its ports by role. */
export interface ServiceContract {
  readonly name: string;
  /** The pods it selects: the original's labels, never changed (a selector is immutable on workloads). */
  readonly selector: Readonly<Record<string, string>>;
  /** Ports by role, in the Service's order; a port the profile turns off is absent. */
  readonly ports: Readonly<Record<string, PortContract | undefined>>;
}

export type Protocol = 'TCP' | 'UDP';

export interface PortContract {
  /** Name of the Service port; absent where the original left the port unnamed. */
  readonly name?: string;
  readonly port: number;
  /** The container port, by number or name. @default the Service's default: `port` */
  readonly targetPort?: number | string;
  /** @default 'TCP' */
  readonly protocol?: Protocol;
  /** The port is a NodePort that a load-balancer entry point forwards to. */
  readonly exposed?: Exposure;
}

/** HAProxy's entry points; `load-balancer/entry-points.ts` gives each its public port and node group. */
export type HaproxyEntryPoint = 'mqtt' | 'mqtts' | 'apigw' | 'apigws' | 'metrics';
/** nginx's entry points for LwM2M (UDP, which HAProxy cannot balance); `load-balancer/nginx-lwm2m.ts` gives each its public port. */
export type NginxEntryPoint = 'lwm2m-coap' | 'lwm2m-coaps' | 'lwm2m-file-server' | 'lwm2m-file-servers' | 'lwm2m-http';
/** The load balancer's entry points. */
export type EntryPointName = HaproxyEntryPoint | NginxEntryPoint;

export interface Exposure {
  readonly entryPoint: EntryPointName;
  readonly nodePort: number;
  /** The NodePort is pinned (`nodePorts.fixed`); otherwise Kubernetes picks one and the load balancer cannot follow. */
  readonly fixed: boolean;
  /** What a client finds there, for the load balancer's comments (e.g. `MQTT over TLS, VerneMQ`). */
  readonly description: string;
}

/** A path published through the API gateway: a Kong service with one route. */
export interface ApiRoute {
  /** Kong service name; the route is `<service>_route`. */
  readonly service: string;
  readonly upstream: string;
  readonly paths: readonly string[];
  /** Strip the matched path prefix before forwarding. */
  readonly stripPath: boolean;
  /** Require a JWT and ask the platform's policy decision point (the `pepkong` and `jwt` plugins). */
  readonly authorized?: boolean;
  /** Further plugins, with their `config.*` settings. */
  readonly plugins?: readonly { readonly name: string; readonly config: Readonly<Record<string, string | number>> }[];
  /** Read, write and connect timeouts of the service, for long-lived connections. */
  readonly timeoutMs?: number;
}

/**
 * One of the guide's local PersistentVolumes (`local_storage_example/volumes`). Its claim
 * selects it by `selector`, so that volume and claim come from the same entry and always bind.
 */
export interface LocalVolume {
  readonly pvName: string;
  readonly group: NodeGroup;
  /** Directory under `localVolumes.hostRoot` on the node. */
  readonly directory: string;
  readonly accessMode: 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany';
  /** Labels of the volume, which its claim selects (the original's). */
  readonly selector: Readonly<Record<string, string>>;
  /** The toggle and size the volume follows. */
  readonly persistence: (p: Profile) => Persistence;
  /** One volume per replica of a StatefulSet that scales out (Kafka, Zookeeper). @default 1 */
  readonly replicas?: (p: Profile) => number;
  /**
   * The claim template of the StatefulSet that claims it, where it scales out: each replica's
   * claim (`<template>-<statefulSet>-<ordinal>`) is pre-bound to its own volume, since their
   * labels alone would let replicas swap volumes.
   */
  readonly claimTemplate?: { readonly name: string; readonly statefulSet: string };
}

/** A port of a Service; throws when the profile turned it off, which is a wiring mistake. */
export function portOf(service: ServiceContract, role: string): PortContract {
  const port = service.ports[role];
  if (!port) throw new Error(`${service.name} has no '${role}' port in this profile`);
  return port;
}

/** `name:port`, as clients configure a host and port in one value. */
export const hostPort = (service: ServiceContract, role: string) => `${service.name}:${portOf(service, role).port}`;

/** `scheme://name:port<path>`. */
export const serviceUrl = (service: ServiceContract, role: string, path = '', scheme = 'http') =>
  `${scheme}://${hostPort(service, role)}${path}`;

/** The Service's ports as Kubernetes writes them; a NodePort only when it is pinned. */
export function servicePorts(service: ServiceContract): k8s.ServicePort[] {
  return Object.values(service.ports)
    .filter((p): p is PortContract => p !== undefined)
    .map((p) => ({
      name: p.name,
      port: p.port,
      targetPort:
        p.targetPort === undefined
          ? undefined
          : typeof p.targetPort === 'number'
            ? k8s.IntOrString.fromNumber(p.targetPort)
            : k8s.IntOrString.fromString(p.targetPort),
      protocol: p.protocol === 'UDP' ? 'UDP' : undefined,
      nodePort: p.exposed?.fixed ? p.exposed.nodePort : undefined,
    }));
}

/** Every exposed port of the contracts, with the Service it belongs to. */
export function exposures(contracts: readonly ComponentContract[]): { service: ServiceContract; port: PortContract; exposure: Exposure }[] {
  return contracts.flatMap((c) =>
    Object.values(c.services).flatMap((service) =>
      Object.values(service.ports).flatMap((port) => (port?.exposed ? [{ service, port, exposure: port.exposed }] : [])),
    ),
  );
}

/** A NodePort exposure from the profile's `nodePorts`. */
export const exposedAs = (p: Profile, entryPoint: EntryPointName, nodePort: number, description: string): Exposure => ({
  entryPoint,
  nodePort,
  fixed: p.nodePorts.fixed,
  description,
});
