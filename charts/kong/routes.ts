/**
 * The API gateway's routes (the original's `kong-config.sh`), as data: each endpoint is a
 * Kong service with one route, optionally behind dojot's authorization plugins.
 */
export interface KongEndpoint {
  /** Kong service name; the route is `<service>_route`. */
  readonly service: string;
  readonly upstream: string;
  readonly paths: readonly string[];
  /** Strip the matched path prefix before forwarding. */
  readonly stripPath: boolean;
  /** Require a JWT and ask auth's policy decision point (the `pepkong` and `jwt` plugins). */
  readonly authorized?: boolean;
  /** Further plugins, with their `config.*` settings. */
  readonly plugins?: readonly { readonly name: string; readonly config: Readonly<Record<string, string | number>> }[];
  /** Read, write and connect timeouts of the service, for long-lived connections. */
  readonly timeoutMs?: number;
}

export interface RouteOptions {
  /** Kong's admin API port (the `kong` Service). */
  readonly adminPort: number;
  /** kafka-ws serves HTTPS. */
  readonly kafkaWsTls: boolean;
}

export function kongEndpoints(o: RouteOptions): KongEndpoint[] {
  const kafkaWs = `${o.kafkaWsTls ? 'https' : 'http'}://kafka-ws:8080/`;
  return [
    { service: 'gui', upstream: 'http://gui:80', paths: ['/'], stripPath: false },
    { service: 'gui-v2', upstream: 'http://gui-v2:80', paths: ['/v2'], stripPath: true },
    { service: 'data-broker', upstream: 'http://data-broker:80', paths: ['/device/(.*)/latest', '/subscription'], stripPath: false, authorized: true },
    { service: 'data-streams', upstream: 'http://data-broker:80', paths: ['/stream'], stripPath: true, authorized: true },
    { service: 'ws-http', upstream: 'http://data-broker:80', paths: ['/socket.io'], stripPath: false },
    { service: 'device-manager', upstream: 'http://device-manager:5000', paths: ['/device', '/template'], stripPath: false, authorized: true },
    { service: 'image', upstream: 'http://image-manager:5000', paths: ['/fw-image'], stripPath: true, authorized: true },
    { service: 'auth-permissions-service', upstream: 'http://auth:5000/pap', paths: ['/auth/pap'], stripPath: true, authorized: true },
    {
      service: 'auth-service',
      upstream: 'http://auth:5000',
      paths: ['/auth'],
      stripPath: true,
      // Slows down password guessing.
      plugins: [{ name: 'rate-limiting', config: { minute: 5, hour: 40, policy: 'local' } }],
    },
    {
      service: 'auth-revoke',
      upstream: 'http://auth:5000',
      paths: ['/auth/revoke'],
      stripPath: false,
      plugins: [{ name: 'request-termination', config: { status_code: 403, message: 'Not authorized' } }],
    },
    { service: 'user-service', upstream: 'http://auth:5000/user', paths: ['/auth/user'], stripPath: true, authorized: true },
    { service: 'flows', upstream: 'http://flowbroker:80', paths: ['/flows'], stripPath: true, authorized: true },
    { service: 'flowsIcons', upstream: 'http://flowbroker:80/icons', paths: ['/flows/icons'], stripPath: true },
    { service: 'flowsRedImages', upstream: 'http://flowbroker:80/red/images', paths: ['/flows/red/images'], stripPath: true },
    { service: 'history', upstream: 'http://history:8000', paths: ['/history'], stripPath: true, authorized: true },
    { service: 'ejbca-paths', upstream: 'http://ejbca:5583/', paths: ['/sign', '/ca', '/user'], stripPath: false, authorized: true },
    { service: 'data-manager', upstream: 'http://data-manager:3000/', paths: ['/export', '/import'], stripPath: false, authorized: true },
    { service: 'cron', upstream: 'http://cron:5000/', paths: ['/cron'], stripPath: false, authorized: true },
    { service: 'x509-identity-mgmt', upstream: 'http://x509-identity-mgmt:3000/api', paths: ['/x509'], stripPath: true, authorized: true },
    { service: 'influxdb-retriever', upstream: 'http://influxdb-retriever:3000/tss', paths: ['/tss'], stripPath: true, authorized: true },
    { service: 'influxdb-retriever-api-docs', upstream: 'http://influxdb-retriever:3000/tss/v1/api-docs', paths: ['/tss/v1/api-docs'], stripPath: true },
    { service: 'kafka-ws', upstream: kafkaWs, paths: ['/kafka-ws'], stripPath: false, timeoutMs: 300000 },
    { service: 'kafka-ws-ticket', upstream: kafkaWs, paths: ['/kafka-ws/v[0-9]+/ticket'], stripPath: false, authorized: true },
    { service: 'backstage_graphql_auth', upstream: 'http://backstage:3005/', paths: ['/graphql-auth'], stripPath: false },
    { service: 'backstage_graphql', upstream: 'http://backstage:3005/', paths: ['/graphql'], stripPath: false, authorized: true },
  ];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell functions of the script: each is one call to Kong's admin API. */
const FUNCTIONS = [
  'endpoint() { # service upstream paths-json strip-path',
  '  echo "- $1: $2"',
  '  curl -sS -X PUT --url "$KONG/services/$1" --data "name=$1" --data "url=$2"',
  '  curl -sS -X PUT --url "$KONG/services/$1/routes/$1_route" --header "Content-Type: application/json" \\',
  '    --data "{\\"paths\\": [$3], \\"strip_path\\": $4}"',
  '}',
  'plugin() { # service plugin-name [curl --data arguments...]',
  '  service=$1; name=$2; shift 2',
  '  curl -sS -X POST --url "$KONG/services/$service/plugins/" --data "name=$name" "$@"',
  '}',
  'authorized() { # service: JWT plus the policy decision point of auth',
  '  plugin "$1" pepkong --data "config.pdpUrl=http://auth:5000/pdp"',
  '  plugin "$1" jwt',
  '}',
];

/** The route-configuration job's script, rendered from the endpoint table. */
export function renderRouteScript(o: RouteOptions): string {
  const lines = [
    '#!/bin/sh',
    '# Generated by dojot-cdk8s: configures the API gateway routes through Kong\'s admin API.',
    'set -eu',
    `KONG=http://kong:${o.adminPort}`,
    'if ! curl --output /dev/null --silent --head --fail "$KONG"; then',
    '  echo "Kong is not up yet; retrying in 20 s"; sleep 20; exit 1',
    'fi',
    ...FUNCTIONS,
  ];
  for (const e of kongEndpoints(o)) {
    const paths = e.paths.map((p) => JSON.stringify(p)).join(', ');
    lines.push(`endpoint ${q(e.service)} ${q(e.upstream)} ${q(paths)} ${e.stripPath}`);
    if (e.authorized) lines.push(`authorized ${q(e.service)}`);
    for (const p of e.plugins ?? []) {
      const data = Object.entries(p.config).map(([k, v]) => `--data ${q(`config.${k}=${v}`)}`);
      lines.push(`plugin ${q(e.service)} ${q(p.name)} ${data.join(' ')}`);
    }
    if (e.timeoutMs) {
      const data = ['read_timeout', 'write_timeout', 'connect_timeout'].map((t) => `--data ${t}=${e.timeoutMs}`);
      lines.push(`curl -sS -X PATCH --url "$KONG/services/${e.service}" ${data.join(' ')}`);
    }
  }
  lines.push('echo "API gateway routes configured"', '');
  return lines.join('\n');
}
