import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs, loadProfile } from '../../profile/load';
import { GUIDE_INVENTORY, profileOf } from '../helpers/synth';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

const V060_EXAMPLE = path.join(__dirname, '..', 'fixtures', 'inventory', 'v0.6.0-example');

describe('an Ansible inventory directory, read as Ansible reads it', () => {
  it("refuses v0.6.0's example inventory as it is: it turns the fixed NodePorts off, so its load balancer would reach nothing", () => {
    const o = runSynth(['--inventory', V060_EXAMPLE]);
    expect(o.status).toBe(1);
    expect(o.lines.filter((l) => l.startsWith('error'))).toEqual([
      expect.stringMatching(
        /group_vars\/all\/dojot\.yaml: dojot_fixed_nodeports_enabled \(nodePorts\.fixed\): is false, but the inventory's load balancer \(haproxy\.cfg\) sends to the profile's NodePorts/,
      ),
    ]);
    expect(o.distAfter).toEqual(o.distBefore);
  });

  it("takes it with the NodePorts fixed by a profile over it, services.yaml included, as the repository's defaults", () => {
    const dir = tempDir('dojot-fixed-');
    const file = path.join(dir, 'fixed.yaml');
    fs.writeFileSync(file, 'nodePorts: { fixed: true }\n');
    const o = runSynth(['--profile', file, '--inventory', V060_EXAMPLE]);
    expect(o.status, o.lines.join('\n')).toBe(0);
    expect(o.distAfter['haproxy.cfg']).toContain('server mqtt-1 10.10.0.21:30004');
    expect(o.lines.join('\n')).not.toMatch(/unknown key/);
    const { profile } = loadInputs({ profile: file, inventory: V060_EXAMPLE });
    const defaults = loadProfile('default').profile;
    expect(profile).toEqual({ ...defaults, nodePorts: { ...defaults.nodePorts, fixed: true } });
  });

  it('says that an inventory which writes every variable out undid a preset, with a problem or without', () => {
    const refused = runSynth(['--profile', '100k', '--inventory', V060_EXAMPLE]);
    expect(refused.status).toBe(1);
    const line = /^note: .*group_vars\/all\/dojot\.yaml overrides \d+ fields set by preset 100k \(.*\); --explain lists them$/;
    expect(refused.lines.filter((l) => line.test(l))).toHaveLength(1);
    const explained = runSynth(['--profile', '100k', '--inventory', V060_EXAMPLE, '--explain']);
    expect(explained.lines).toContainEqual(
      expect.stringMatching(/^note: {3}dojot_vernemq_replicas \(vernemq\.replicas\): 3 \(preset 100k\) -> 1$/),
    );
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
