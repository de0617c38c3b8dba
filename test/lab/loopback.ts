import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBalancerFiles } from '../../load-balancer/load-balancer-files';
import { withInventory } from '../../profile/inventory';
import { resolveProfile } from '../../profile/load';
import { PRESETS } from '../../profile/presets';
import type { Profile } from '../../profile/types';

export const LOOPBACK_INVENTORY = path.join(__dirname, 'loopback.hosts.yaml');
/** The loopback inventory's VerneMQ stand-ins. */
export const BROKERS = ['127.0.1.1', '127.0.1.2', '127.0.1.3'];

export interface LoopbackConfig {
  readonly profile: Profile;
  readonly config: string;
  readonly statsSocket: string;
}

/**
 * The 100k preset's load balancer for the loopback inventory, sized for `expectedDevices`
 * (this machine allows 20,000 descriptors per process: 8,000 devices give ulimit-n 19,900),
 * bound to 127.0.0.1, in the foreground, as the calling user, logging nowhere.
 */
export function writeLoopbackConfig(dir: string, expectedDevices: number): LoopbackConfig {
  const layer = { ...PRESETS['100k'], loadBalancer: { ...PRESETS['100k'].loadBalancer, expectedDevices } };
  const profile = withInventory(resolveProfile('loopback', layer).profile, LOOPBACK_INVENTORY);
  const statsSocket = path.join(dir, 'haproxy.sock');
  const haproxy = loadBalancerFiles(profile, {
    bindAddress: '127.0.0.1',
    dropPrivileges: false,
    daemon: false,
    logs: [],
    statsSocket,
  }).files.find((f) => f.name === 'haproxy.cfg')!;
  const config = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(config, haproxy.content);
  return { profile, config, statsSocket };
}
