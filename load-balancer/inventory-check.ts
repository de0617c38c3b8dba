import { LB_GROUPS } from '../profile/load-balancer';
import type { Problem } from '../profile/problems';
import type { Profile } from '../profile/types';
import { entryPoints } from './entry-points';
import { lwm2mPorts } from './nginx-lwm2m';

/**
 * The inventory groups the profile's entry points need and the inventory lacks (or leaves
 * empty): each one is a problem, so that no entry point is written without its nodes.
 */
export function missingInventoryGroups(p: Profile): Problem[] {
  const problems = new Map<string, Problem>();
  for (const e of entryPoints(p)) {
    const group = LB_GROUPS[e.group];
    if (p.loadBalancer.nodes[e.group].length || problems.has(group)) continue;
    problems.set(group, {
      path: group,
      message: `is missing or has no hosts: the load balancer's ${e.name} entry point (${e.comment}, port ${e.port}) forwards to these nodes`,
    });
  }
  if (lwm2mPorts(p).length && !p.loadBalancer.nodes.lwm2m.length) {
    problems.set('lwm2m_nodes', {
      path: 'lwm2m_nodes',
      message: "is missing or has no hosts: nginx's LwM2M entry points (CoAP, its file servers, CoAP over HTTP) forward to these nodes",
    });
  }
  return [...problems.values()];
}
