import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// Vitest global setup: the load balancer tests run a real HAProxy, mosquitto and nginx.
export default function setup(): void {
  const script = path.resolve(__dirname, '..', '..', '.ci', 'install-lb-tools.sh');
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('haproxy, mosquitto and nginx are needed by the tests: see the message above');
}
