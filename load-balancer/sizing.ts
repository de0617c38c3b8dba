import type { LoadBalancerSettings } from '../profile/load-balancer';

/** Sessions above the device count, in percent: devices that reconnect while their old session lingers. */
export const DEVICE_HEADROOM_PERCENT = 10;
/** Sessions kept for HTTP clients of Kong and Grafana (people and applications, not devices). */
export const HTTP_ALLOWANCE = 1000;
/** Descriptors besides the sessions': listeners, health checks, logs, the stats socket. */
export const FD_RESERVE = 100;
/** MQTT brokers' guidance: keep an idle session at least 1.5 times the client's keepalive. */
export const KEEPALIVE_FACTOR = 1.5;

export interface Sizing {
  /** Concurrent sessions HAProxy accepts (global `maxconn`). */
  readonly maxconn: number;
  /** File descriptors: two per proxied session (client side, server side) plus the reserve. */
  readonly ulimitN: number;
  /** Idle time after which an established session is closed (`timeout tunnel`), in seconds. */
  readonly idleTimeoutSeconds: number;
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

export function sizeLoadBalancer(lb: LoadBalancerSettings): Sizing {
  const headroom = Math.ceil((lb.expectedDevices * DEVICE_HEADROOM_PERCENT) / 100);
  const maxconn = roundUp(lb.expectedDevices + headroom + HTTP_ALLOWANCE, 100);
  return {
    maxconn,
    ulimitN: 2 * maxconn + FD_RESERVE,
    idleTimeoutSeconds: Math.ceil(lb.maxClientKeepaliveSeconds * KEEPALIVE_FACTOR),
  };
}
