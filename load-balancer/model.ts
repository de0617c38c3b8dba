/**
 * A typed model of the part of haproxy.cfg this project writes: the global and defaults
 * sections and one TCP `listen` section per entry point. `render-haproxy.ts` turns it into text.
 */

export interface Duration {
  /** HAProxy accepts ms, s, m, h, d suffixes; values are kept in the unit they are reasoned in. */
  readonly value: number;
  readonly unit: 'ms' | 's' | 'm' | 'h';
}

export interface LogTarget {
  /** Syslog address: a UNIX socket path, `udp@host:port`, or `stdout`/`stderr`. */
  readonly address: string;
  readonly facility: 'local0' | 'local1' | 'local2' | 'daemon';
  /** Only messages of this level and above. */
  readonly level?: 'emerg' | 'alert' | 'crit' | 'err' | 'warning' | 'notice' | 'info' | 'debug';
  /** `raw` for stdout/stderr targets (no syslog header). */
  readonly format?: 'raw' | 'rfc3164' | 'rfc5424';
}

export interface GlobalSection {
  readonly logs: readonly LogTarget[];
  /** Drop privileges after binding: chroot folder, user and group. Absent: keep the caller's. */
  readonly runAs?: { readonly chroot: string; readonly user: string; readonly group: string };
  readonly statsSocket: { readonly path: string; readonly mode: string; readonly level: 'user' | 'operator' | 'admin' };
  readonly statsTimeout: Duration;
  readonly daemon: boolean;
  readonly maxconn: number;
  readonly ulimitN: number;
  readonly hardStopAfter: Duration;
}

export interface DefaultsSection {
  readonly mode: 'tcp';
  /** `log global`: the listen sections log where the global section says. */
  readonly logGlobal: boolean;
  readonly options: readonly ('tcplog' | 'dontlognull' | 'redispatch' | 'tcpka')[];
  readonly retries: number;
  readonly timeouts: Readonly<Record<'connect' | 'client' | 'server' | 'tunnel' | 'client-fin' | 'server-fin' | 'check', Duration>>;
  /** How servers given by name are resolved at start-up (HAProxy's `init-addr`). */
  readonly initAddr: readonly ('last' | 'libc' | 'none')[];
}

export interface HealthCheck {
  readonly inter: Duration;
  readonly fall: number;
  readonly rise: number;
}

export interface Server {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** Local address to connect from (each adds a full local port range towards this server). */
  readonly source?: string;
  readonly check: HealthCheck;
  /** For a TLS health check (`http-check connect ssl`): don't verify the certificate. */
  readonly verifyNone?: boolean;
}

/** An HTTP health check of a TCP service, as kubeadm's HA guide checks the API servers. */
export interface HttpCheck {
  readonly ssl: boolean;
  readonly method: 'GET';
  readonly uri: string;
  readonly expectStatus: number;
}

export interface ListenSection {
  readonly name: string;
  readonly comment: string;
  readonly bind: { readonly address: string; readonly port: number };
  readonly balance: 'leastconn' | 'roundrobin';
  readonly httpCheck?: HttpCheck;
  readonly servers: readonly Server[];
}

export interface HaproxyConfig {
  readonly header: readonly string[];
  readonly global: GlobalSection;
  readonly defaults: DefaultsSection;
  readonly listens: readonly ListenSection[];
}
