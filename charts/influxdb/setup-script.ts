/** What InfluxDB's first setup needs; the user, password and token come from the Job's env. */
export interface SetupSettings {
  /** The InfluxDB Service's host and port. */
  readonly host: string;
  readonly port: number;
  readonly organization: string;
  readonly bucket: string;
  /** A duration such as 7d (the profile validates it). */
  readonly retention: string;
}

/** The variables the Job sets from the Secret. */
export const SETUP_ENV = { user: 'INFLUXDB_USER', password: 'INFLUXDB_PASSWORD', token: 'INFLUXDB_TOKEN' } as const;

/** A single-quoted shell word. */
const quote = (s: string | number) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * The setup Job's bash script. v0.6.0 ran `influx setup` alone, which fails on an instance that
 * is set up already (influxdb v2.0.2 cmd/influx/setup.go: "has already been setup"), so a rerun
 * of the Job failed. This one waits for /ping, asks `GET /api/v2/setup` (tenant/
 * http_server_onboarding.go: `{"allowed": true|false}`, no token needed) and sets up only when
 * allowed; already set up is success.
 *
 * quay.io/influxdb/influxdb:v2.0.2 is debian:stable-slim with ca-certificates, tzdata and the
 * influx/influxd binaries (docker/influxd/Dockerfile, the image .goreleaser.yml builds): bash,
 * grep and sleep but no curl or wget, so HTTP goes over bash's /dev/tcp.
 */
export function renderSetupScript(s: SetupSettings): string {
  const url = `http://${s.host}:${s.port}`;
  return `set -u
host=${quote(s.host)}
port=${quote(s.port)}

# GET a path of InfluxDB; prints the status line, headers and body.
get() {
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' "$1" "$host" >&3
  local line='' reply=''
  while IFS= read -r -t 10 line <&3 || [ -n "$line" ]; do reply+="$line"$'\\n'; line=''; done
  exec 3<&-
  printf '%s' "$reply"
}

until get /ping | grep -q '^HTTP/1\\.[01] 204'; do
  echo "waiting for InfluxDB at $host:$port"
  sleep 5
done

state=$(get /api/v2/setup)
if printf '%s' "$state" | grep -Eq '"allowed":[[:space:]]*false'; then
  echo "InfluxDB at $host:$port is set up already: nothing to do"
  exit 0
fi
if ! printf '%s' "$state" | grep -Eq '"allowed":[[:space:]]*true'; then
  echo "unexpected answer to GET /api/v2/setup: $state" >&2
  exit 1
fi
exec influx setup --force --host ${quote(url)} \\
  --org ${quote(s.organization)} --bucket ${quote(s.bucket)} --retention ${quote(s.retention)} \\
  --username "$${SETUP_ENV.user}" --password "$${SETUP_ENV.password}" --token "$${SETUP_ENV.token}"
`;
}
