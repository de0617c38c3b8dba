import { isIPv6 } from 'node:net';
import type { DefaultsSection, Duration, GlobalSection, HaproxyConfig, ListenSection, LogTarget, Server } from './model';

const INDENT = '    ';

export const duration = (d: Duration) => `${d.value}${d.unit}`;

/** `addr:port`, with HAProxy's `ipv6@` prefix for IPv6 addresses. */
export function endpoint(address: string, port: number): string {
  return isIPv6(address) ? `ipv6@${address}:${port}` : `${address}:${port}`;
}

function logLine(l: LogTarget): string {
  return ['log', l.address, ...(l.format ? ['format', l.format] : []), l.facility, ...(l.level ? [l.level] : [])].join(' ');
}

function globalLines(g: GlobalSection): string[] {
  return [
    ...g.logs.map(logLine),
    ...(g.runAs ? [`chroot ${g.runAs.chroot}`, `user ${g.runAs.user}`, `group ${g.runAs.group}`] : []),
    `stats socket ${g.statsSocket.path} mode ${g.statsSocket.mode} level ${g.statsSocket.level}`,
    `stats timeout ${duration(g.statsTimeout)}`,
    ...(g.daemon ? ['daemon'] : []),
    `maxconn ${g.maxconn}`,
    `ulimit-n ${g.ulimitN}`,
    `hard-stop-after ${duration(g.hardStopAfter)}`,
  ];
}

function defaultsLines(d: DefaultsSection): string[] {
  return [
    `mode ${d.mode}`,
    ...(d.logGlobal ? ['log global'] : []),
    ...d.options.map((o) => `option ${o}`),
    `retries ${d.retries}`,
    ...Object.entries(d.timeouts).map(([name, t]) => `timeout ${name} ${duration(t)}`),
    `default-server init-addr ${d.initAddr.join(',')}`,
  ];
}

function serverLine(s: Server): string {
  return [
    'server',
    s.name,
    endpoint(s.address, s.port),
    ...(s.source ? ['source', s.source] : []),
    'check',
    ...(s.verifyNone ? ['verify', 'none'] : []),
    'inter',
    duration(s.check.inter),
    'fall',
    String(s.check.fall),
    'rise',
    String(s.check.rise),
  ].join(' ');
}

function listenLines(l: ListenSection): string[] {
  const check = l.httpCheck;
  return [
    `bind ${l.bind.address}:${l.bind.port}`,
    `balance ${l.balance}`,
    ...(check
      ? [
          'option httpchk',
          ...(check.ssl ? ['http-check connect ssl'] : []),
          `http-check send meth ${check.method} uri ${check.uri}`,
          `http-check expect status ${check.expectStatus}`,
        ]
      : []),
    ...l.servers.map(serverLine),
  ];
}

function section(title: string, lines: string[], comment?: string): string {
  return [...(comment ? [`# ${comment}`] : []), title, ...lines.map((l) => INDENT + l)].join('\n');
}

/** haproxy.cfg for the model; the same model always gives the same bytes. */
export function renderHaproxyConfig(c: HaproxyConfig): string {
  const parts = [
    c.header.map((h) => `# ${h}`).join('\n'),
    section('global', globalLines(c.global)),
    section('defaults', defaultsLines(c.defaults)),
    ...c.listens.map((l) => section(`listen ${l.name}`, listenLines(l), l.comment)),
  ];
  return `${parts.join('\n\n')}\n`;
}
