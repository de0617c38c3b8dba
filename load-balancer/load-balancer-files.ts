import type { SideFile } from '../lib/side-file';
import type { Profile } from '../profile/types';
import { brokerLoadWarnings } from './broker-load';
import { capacityWarning, checkCapacity } from './capacity';
import { KUBE_API_PORT, entryPoints } from './entry-points';
import { type HaproxyRuntime, buildHaproxyConfig } from './haproxy-config';
import { NGINX_FILE, buildNginxConfig, lwm2mPorts, renderNginxConfig } from './nginx-lwm2m';
import { renderHaproxyConfig } from './render-haproxy';
import { sizeLoadBalancer } from './sizing';
import { SYSCTL_FILE, renderSysctl } from './sysctl';

export const HAPROXY_FILE = 'haproxy.cfg';

export interface LoadBalancerOutput {
  readonly files: SideFile[];
  /** What synth tells the operator: the kubeadm endpoint, capacity shortfalls, fixed ports. */
  readonly notices: string[];
  /** What the operator must not miss: synth repeats these in its last lines. */
  readonly warnings: string[];
}

/** haproxy.cfg, the nginx LwM2M configuration and the sysctl file of the LB host. */
export function loadBalancerFiles(p: Profile, run: HaproxyRuntime = {}): LoadBalancerOutput {
  const lb = p.loadBalancer;
  const sizing = sizeLoadBalancer(lb);
  const notices: string[] = [];
  if (!p.nodePorts.fixed) {
    notices.push(
      "nodePorts.fixed is off: Kubernetes picks the NodePorts, and haproxy.cfg (which uses the profile's nodePorts) will not reach them; turn it on for the load balancer",
    );
  }
  for (const e of entryPoints(p).filter((x) => x.devices)) {
    const check = checkCapacity(e, lb.nodes[e.group].length, lb, sizing);
    if (!check.ok) notices.push(capacityWarning(check, lb, sizing));
  }
  if (p.flavour === 'mosca') {
    // Its NodePorts answer only on nodes that run it (externalTrafficPolicy: Local).
    notices.push(
      `the mosca flavour: mqtt_nodes must be the nodes that run iotagent-mosca (${p.placement.nodeAffinity ? `the ${p.placement.nodeLabels.dojot} group` : 'any node where it is scheduled'}), not VerneMQ's`,
    );
  }
  if (lb.nodes.controlPlane.length) notices.push(`kubeadm init --control-plane-endpoint "${lb.address}:${KUBE_API_PORT}" --upload-certs`);
  return {
    files: [
      { name: HAPROXY_FILE, content: renderHaproxyConfig(buildHaproxyConfig(p, sizing, run)) },
      // LwM2M's UDP ports go through nginx: only when the flavour deploys the LwM2M agent.
      ...(lwm2mPorts(p).length ? [{ name: NGINX_FILE, content: renderNginxConfig(buildNginxConfig(p, sizing)) }] : []),
      { name: SYSCTL_FILE, content: renderSysctl(lb, sizing) },
    ],
    notices,
    warnings: brokerLoadWarnings(p),
  };
}
