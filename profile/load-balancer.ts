import type { Problem } from './problems';

/**
 * The L4 load balancer in front of the cluster (HAProxy, plus nginx for LwM2M's UDP).
 * Owned by `haproxy/`; the addresses usually come from the Ansible inventory (DOJOT_INVENTORY).
 */
export interface LoadBalancerSettings {
  /** MQTT devices expected to be connected at once; sizes maxconn and file descriptors. @default 10000 */
  readonly expectedDevices: number;
  /** Addresses of the nodes behind each entry point, as the inventory's groups. @default all empty */
  readonly nodes: {
    /** [mqtt_nodes] the VerneMQ nodes. */
    readonly mqtt: readonly string[];
    /** [apigw_nodes] the node running Kong. */
    readonly apigw: readonly string[];
    /** [metrics_nodes] the node running Grafana. */
    readonly metrics: readonly string[];
    /** [lwm2m_nodes] the node running the LwM2M agent. */
    readonly lwm2m: readonly string[];
    /** [control_plane_nodes] Kubernetes API servers; when set, HAProxy also fronts 6443. */
    readonly controlPlane: readonly string[];
  };
}

export const LOAD_BALANCER_DEFAULTS: LoadBalancerSettings = {
  expectedDevices: 10000,
  nodes: { mqtt: [], apigw: [], metrics: [], lwm2m: [], controlPlane: [] },
};

/** Checks of the load-balancer settings, run with the rest of the profile's validation. */
export function validateLoadBalancer(lb: LoadBalancerSettings): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(lb.expectedDevices) || lb.expectedDevices < 1 || lb.expectedDevices > 10_000_000) {
    problems.push({ path: 'loadBalancer.expectedDevices', message: `must be a whole number from 1 to 10000000, got ${lb.expectedDevices}` });
  }
  return problems;
}
