import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs, loadProfile } from '../../profile/load';
import { GUIDE_INVENTORY, profileOf } from '../helpers/synth';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

const V060_EXAMPLE = path.join(__dirname, '..', 'fixtures', 'inventory', 'v0.6.0-example');

describe('an Ansible inventory directory, read as Ansible reads it', () => {
  it("takes v0.6.0's example inventory (placeholders filled in) as it is, services.yaml included", () => {
    const o = runSynth(['--inventory', V060_EXAMPLE]);
    expect(o.status, o.lines.join('\n')).toBe(0);
    expect(o.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(o.distAfter['haproxy.cfg']).toContain('server mqtt-1 10.10.0.21:30004');
    // Its ansible_* host variables are not dojot settings: nothing about them is an error.
    expect(o.lines.join('\n')).not.toMatch(/unknown key/);
  });

  it("gives the repository's defaults, as v0.6.0's example does", () => {
    const { profile, notices } = loadInputs({ inventory: V060_EXAMPLE });
    expect(profile).toEqual(loadProfile('default').profile);
    expect(notices).toEqual([]);
  });

  it('layers group_vars over the preset and under the profile file (interfaces.md)', () => {
    const dir = tempDir('dojot-layers-');
    const file = path.join(dir, 'profile.yaml');
    fs.writeFileSync(file, 'preset: 100k\nvernemq: { replicas: 5 }\n');
    const { profile } = loadInputs({ profile: file, inventory: GUIDE_INVENTORY });
    expect(profile.vernemq.replicas).toBe(5); // the profile file wins over group_vars (3)
    expect(profile.loadBalancer.expectedDevices).toBe(100000); // from the preset: no Ansible variable sets it
    expect(loadInputs({ profile: '100k', inventory: GUIDE_INVENTORY }).profile).toEqual(profileOf('100k'));
  });

  it("reads YAML merge keys, as Ansible's YAML does", () => {
    const dir = tempDir('dojot-merge-');
    fs.copyFileSync(path.join(V060_EXAMPLE, 'hosts.yaml'), path.join(dir, 'hosts.yaml'));
    fs.mkdirSync(path.join(dir, 'group_vars', 'all'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'group_vars', 'all', 'dojot.yaml'),
      'dojot_node_label: &labels { dojot: dojot, x509: x509, kafka: kafka, vernemq: vernemq }\ndojot_locust_exporter:\n  <<: { ip: 127.0.0.1, port: 9646 }\n  port: 9000\n',
    );
    expect(loadInputs({ inventory: dir }).profile.locustExporter).toEqual({ enabled: false, ip: '127.0.0.1', port: 9000 });
  });
});
