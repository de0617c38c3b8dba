import { k8s } from 'cdk8s-plus-27';
import { type PortContract, portOf, type ServiceContract } from './contract';
import type { HealthChecks } from './container-probes';

/**
 * The pieces each component's health checks are made of (its component.ts says which, read from
 * its image's source): HTTP, TCP and exec checks, and readiness, liveness and startup timings.
 */

/** The health server of @dojot/microservice-sdk (lightship), fixed at 9000 (`detectKubernetes: false`, ServiceStateManager.js). */
export const LIGHTSHIP_PORT = 9000;

/**
 * dojot's services decode a JWT's payload without checking its signature (each component that
 * probes with it names its source), and put some health routes behind that decode. A token of a
 * made-up user with no signature passes it: it grants nothing, since every real check is the API
 * gateway's, against the platform's identity service.
 */
export const PROBE_TOKEN = `probe.${Buffer.from(JSON.stringify({ username: 'probe', service: 'probe' })).toString('base64')}.unsigned`;
export const WITH_TOKEN = [{ name: 'Authorization', value: `Bearer ${PROBE_TOKEN}` }];

export const port = (p: number | string) => (typeof p === 'number' ? k8s.IntOrString.fromNumber(p) : k8s.IntOrString.fromString(p));
/** The port a container listens on for one of its Service's ports. */
export const target = (c: PortContract) => c.targetPort ?? c.port;

export const http = (path: string, p: number | string, headers?: k8s.HttpHeader[]) => ({
  httpGet: { path, port: port(p), httpHeaders: headers },
});
export const tcp = (p: number | string) => ({ tcpSocket: { port: port(p) } });
export const exec = (...command: string[]) => ({ exec: { command } });

/** Out of the Services after 30 s of failures; back after one success. */
export const ready = (check: Omit<k8s.Probe, 'periodSeconds'>, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 10,
  timeoutSeconds,
  failureThreshold: 3,
  successThreshold: 1,
});
/** Restarted after a minute of failures. */
export const alive = (check: Omit<k8s.Probe, 'periodSeconds'>, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 20,
  timeoutSeconds,
  failureThreshold: 3,
});
/** Given `seconds` to start before liveness takes over. */
export const starting = (check: Omit<k8s.Probe, 'periodSeconds'>, seconds: number, timeoutSeconds = 5): k8s.Probe => ({
  ...check,
  periodSeconds: 10,
  timeoutSeconds,
  failureThreshold: Math.ceil(seconds / 10),
});

/** A process with one cheap check: ready, alive and started by it. */
export const single = (check: Omit<k8s.Probe, 'periodSeconds'>, startSeconds: number, timeoutSeconds = 5): HealthChecks => ({
  readiness: ready(check, timeoutSeconds),
  liveness: alive(check, timeoutSeconds),
  startup: starting(check, startSeconds, timeoutSeconds),
});

/**
 * A process whose command line holds `text` is running (for the containers that offer nothing
 * else). The pattern's first character is bracketed (`[k]afkacat`): it matches the process's
 * command line but neither the probe's shell's nor grep's own, which hold the brackets, so the
 * check fails when the process is gone (test/lib/running-probe.test.ts runs it both ways).
 */
export const running = (text: string) => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text))
    throw new Error(`running(): '${text}' must be letters, digits and . _ / - from a letter or digit`);
  const pattern = `[${text[0]}]${text.slice(1).replace(/\./g, '\\.')}`;
  return exec('sh', '-c', `grep -qs '${pattern}' /proc/[0-9]*/cmdline`);
};

/** `redis-cli ping` exits non-zero when the server does not answer (redis official image, alpine). */
export const redis = (s: ServiceContract | number): HealthChecks =>
  single(exec('redis-cli', '-p', String(typeof s === 'number' ? s : target(portOf(s, 'redis'))), 'ping'), 30);

/** Lightship: `/live` is 200 unless shutting down, `/ready` when every dependency is (SDK ServiceStateManager). */
export const lightship = (startSeconds: number, scheme?: 'HTTPS'): HealthChecks => {
  const on = (path: string) => ({ httpGet: { path, port: port(LIGHTSHIP_PORT), scheme } });
  return { readiness: ready(on('/ready')), liveness: alive(on('/live')), startup: starting(on('/live'), startSeconds) };
};

/** The port a container listens on for a role of one of its Services (`http` by default). */
export const portIn = (s: ServiceContract, role = 'http') => target(portOf(s, role));
