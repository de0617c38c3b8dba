import type { Problem } from './problems';
import type { Profile } from './types';

/** A port that something listens on: the profile field that sets it, or a fixed port and what it is. */
export type Listener = readonly [what: string, port: number, fixed?: true];

/**
 * The ports of the profile that one process, or one Service, listens on together: each must be
 * used once, or the second listener fails to bind (or the Service's ports collide). A component
 * with a single port of the profile (postgres, mongodb, minio, influxdb) has nothing to collide
 * with, and kafka-ws's port and its Redis's are on two Services of two pods. Ports the images fix
 * are checked where they are written: Kong's in charts/kong/, the load balancer host's in
 * load-balancer/host-ports.ts.
 */
function listenerSets(p: Profile): [where: string, listeners: Listener[]][] {
  const gw = p.apigw;
  const zk = p.zookeeper;
  return [
    [
      // The kong pod listens on all of them, HTTPS even without mutual TLS (KONG_PROXY_LISTEN).
      "Kong's ports",
      [
        ['apigw.httpPort', gw.httpPort],
        ['apigw.httpsPort', gw.httpsPort],
        ['apigw.adminPort', gw.adminPort],
      ],
    ],
    [
      // One container, and one Service (zookeeper-cluster) with the three.
      "Zookeeper's ports",
      [
        ['zookeeper.clientPort', zk.clientPort],
        ['zookeeper.serverPort', zk.serverPort],
        ['zookeeper.electionPort', zk.electionPort],
      ],
    ],
  ];
}

/** Every port of a set of listeners used once; each problem names both. */
export function duplicateListeners(where: string, listeners: readonly Listener[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, Listener>();
  for (const listener of listeners) {
    const [what, port, fixed] = listener;
    const other = seen.get(port);
    if (other === undefined) seen.set(port, listener);
    else if (!fixed) problems.push({ path: what, message: `must be unique among ${where}: ${port} is also ${other[0]}` });
    else problems.push({ path: other[0], message: `must be unique among ${where}: ${port} is also ${what}` });
  }
  return problems;
}

/** Every port that one process or one Service listens on is used once; each problem names both. */
export function listenerProblems(p: Profile): Problem[] {
  return listenerSets(p).flatMap(([where, listeners]) => duplicateListeners(where, listeners));
}
