import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory, withInventory } from '../../profile/inventory';
import { ProfileError } from '../../profile/problems';
import { profileOf } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const INVENTORIES = path.join(__dirname, '..', 'fixtures', 'inventory');

function problemsOf(file: string): string[] {
  try {
    readInventory(file);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the inventory was accepted');
}

function inventory(content: string): string {
  const file = path.join(tempDir('dojot-inventory-'), 'hosts.yaml');
  fs.writeFileSync(file, content);
  return file;
}

describe('an Ansible inventory', () => {
  it('gives the groups it has, and leaves the others to the profile', () => {
    const p = withInventory(profileOf('100k'), inventory('all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.1.0.1:\n        10.1.0.2:\n'));
    expect(p.loadBalancer.nodes.mqtt).toEqual(['10.1.0.1', '10.1.0.2']);
    expect(p.loadBalancer.nodes.apigw).toEqual(['192.168.0.13']);
  });

  it('reads groups nested under other groups, and hosts of child groups', () => {
    const nodes = readInventory(inventory('all:\n  children:\n    dojot:\n      children:\n        mqtt_nodes:\n          children:\n            verne:\n              hosts:\n                v1: { ansible_host: 10.1.0.1 }\n'));
    expect(nodes.mqtt).toEqual(['10.1.0.1']);
  });

  it('reports every bad address, duplicate and empty group, naming the host', () => {
    expect(problemsOf(path.join(INVENTORIES, 'bad.hosts.yaml'))).toEqual([
      'mqtt_nodes.verne-1.ansible_host: must be an IPv4 or IPv6 address or a DNS name, got "10.0.0.300"',
      'mqtt_nodes.verne_2!: must be an IPv4 or IPv6 address or a DNS name, got "verne_2!"',
      "apigw_nodes.other.ansible_host: '10.0.0.7' is listed twice (also apigw_nodes.10.0.0.7)",
      'metrics_nodes: has no hosts; the load balancer needs at least one to forward to',
    ]);
  });

  it('rejects an inventory without any of the load balancer\'s groups', () => {
    expect(problemsOf(inventory('all:\n  children:\n    workers:\n      hosts:\n        10.0.0.1:\n'))).toEqual([
      "(groups): has none of the load balancer's groups: mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes, control_plane_nodes",
    ]);
  });

  it('points at the line of a YAML error, and at a missing file', () => {
    expect(problemsOf(inventory('all:\n  children: [\n'))).toEqual([expect.stringMatching(/^line \d+: /)]);
    expect(problemsOf('/nonexistent/hosts.yaml')).toEqual(["DOJOT_INVENTORY: '/nonexistent/hosts.yaml' is not a readable file"]);
  });
});

describe('load balancer settings in a profile', () => {
  it('are validated with the rest of the profile', () => {
    let error: unknown;
    try {
      profileOf('100k', { loadBalancer: { nodes: { mqtt: ['10.0.0.1', '10.0.0.1'], apigw: [] }, localPortRange: { low: 70000 }, expectedDevices: 0 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'loadBalancer.expectedDevices: must be a whole number from 1 to 10000000, got 0',
      'loadBalancer.localPortRange: must be two port numbers with 1024 <= low <= high <= 65535, got 70000-65535',
      "loadBalancer.nodes.mqtt[1]: '10.0.0.1' is listed twice (also loadBalancer.nodes.mqtt[0])",
      'loadBalancer.nodes.apigw: needs at least one address: the load balancer forwards to it (inventory group apigw_nodes)',
    ]);
  });
});
