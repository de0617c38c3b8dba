import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBalancerFiles } from '../../load-balancer/load-balancer-files';
import { LOOPBACK_INVENTORY } from '../lab/loopback';
import { withInventory } from '../../profile/inventory';
import type { Profile } from '../../profile/types';
import { lbProfile } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const INVENTORIES = path.join(__dirname, '..', 'fixtures', 'inventory');

const CASES: Array<[string, () => Profile]> = [
  ['default preset', () => lbProfile('default')],
  ['100k preset', () => lbProfile('100k')],
  ["100k with the guide's inventory and control plane", () => withInventory(lbProfile('100k'), path.join(INVENTORIES, 'guide.hosts.yaml'))],
  [
    '100k with mutual TLS and extra source addresses',
    () => lbProfile('100k', { apigw: { mutualTls: true }, loadBalancer: { sourceAddresses: ['10.0.0.2', '10.0.0.3'] } }),
  ],
  ['the loopback inventory', () => withInventory(lbProfile('100k', { loadBalancer: { expectedDevices: 8000 } }), LOOPBACK_INVENTORY)],
  [
    "the lwm2m flavour, with the guide's inventory and control plane",
    () => withInventory(lbProfile('100k', { flavour: 'lwm2m' }), path.join(INVENTORIES, 'guide.hosts.yaml')),
  ],
  ['the mosca flavour', () => lbProfile('100k', { flavour: 'mosca' })],
];

/** Writes the profile's load balancer files to a temporary folder. */
function write(p: Profile): string {
  const dir = tempDir('dojot-lb-');
  for (const f of loadBalancerFiles(p).files) fs.writeFileSync(path.join(dir, f.name), f.content);
  return dir;
}

describe.each(CASES)('the real tools accept the files of %s', (_, profile) => {
  const dir = write(profile());

  it('haproxy -c -dW: valid, and not one warning', () => {
    const r = spawnSync('haproxy', ['-c', '-dW', '-f', path.join(dir, 'haproxy.cfg')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/WARNING|ALERT/);
    expect(r.status).toBe(0);
  });

  it('nginx -t, when the flavour fronts LwM2M (lwm2m only)', () => {
    const nginx = path.join(dir, 'nginx-lwm2m.conf');
    expect(fs.existsSync(nginx)).toBe(profile().flavour === 'lwm2m');
    if (!fs.existsSync(nginx)) return;
    const r = spawnSync('nginx', ['-t', '-c', path.join(dir, 'nginx-lwm2m.conf'), '-g', `pid ${dir}/nginx.pid;`], { encoding: 'utf8' });
    expect(r.stderr).toContain('test is successful');
    expect(r.stderr).not.toMatch(/\[(warn|emerg)\]/);
    expect(r.status).toBe(0);
  });
});
