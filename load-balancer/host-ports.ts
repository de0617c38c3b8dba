import { duplicateListeners } from '../profile/ports';
import type { Problem } from '../profile/problems';
import type { Profile } from '../profile/types';
import { KUBE_API_PORT, entryPoints } from './entry-points';
import { lwm2mPorts } from './nginx-lwm2m';

/**
 * The TCP ports of the load balancer host are each taken once: HAProxy's entry points (and the
 * Kubernetes API's, with control-plane nodes) and nginx's TCP listener for LwM2M's firmware
 * downloads, whose port is the profile's `iotagentLwm2m.fileServerHttpPort`. nginx's other LwM2M
 * ports are UDP.
 */
export function hostPortProblems(p: Profile): Problem[] {
  const haproxy = entryPoints(p).map((e): readonly [string, number, true] => [`HAProxy's ${e.name} entry point`, e.port, true]);
  const api: [string, number, true][] = p.loadBalancer.nodes.controlPlane.length
    ? [["HAProxy's Kubernetes API entry point", KUBE_API_PORT, true]]
    : [];
  const nginx = lwm2mPorts(p)
    .filter((s) => s.protocol === 'tcp')
    .map((s): readonly [string, number] => [
      s.entryPoint === 'lwm2m-http' ? 'iotagentLwm2m.fileServerHttpPort' : `nginx's ${s.name}`,
      s.port,
    ]);
  return duplicateListeners('the TCP ports of the load balancer host', [...haproxy, ...api, ...nginx]);
}
