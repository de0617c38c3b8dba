import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory, readValidInventory, withInventory } from '../../profile/inventory';
import { ProfileError } from '../../profile/problems';
import { GUIDE_INVENTORY, profileOf } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const INVENTORIES = path.join(__dirname, '..', 'fixtures', 'inventory');

function problemsOf(file: string): string[] {
  try {
    readValidInventory(file);
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
  it('gives the groups it has, and no node to the others (no preset carries addresses)', () => {
    const p = withInventory(
      profileOf('100k'),
      inventory('all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.1.0.1:\n        10.1.0.2:\n'),
    );
    expect(p.loadBalancer.nodes.mqtt).toEqual(['10.1.0.1', '10.1.0.2']);
    expect(p.loadBalancer.nodes.apigw).toEqual([]);
    expect(profileOf('100k').loadBalancer.nodes).toEqual({ mqtt: [], apigw: [], metrics: [], lwm2m: [], controlPlane: [] });
  });

  it('reads groups nested under other groups, and hosts of child groups', () => {
    const { nodes } = readInventory(
      inventory(
        'all:\n  children:\n    dojot:\n      children:\n        mqtt_nodes:\n          children:\n            verne:\n              hosts:\n                v1: { ansible_host: 10.1.0.1 }\n',
      ),
    );
    expect(nodes.mqtt).toEqual(['10.1.0.1']);
  });

  it('reports every bad address and duplicate, naming the host', () => {
    expect(problemsOf(path.join(INVENTORIES, 'bad.hosts.yaml'))).toEqual([
      'mqtt_nodes.verne-1.ansible_host: must be an IPv4 or IPv6 address (no zone id) or a DNS name, got "10.0.0.300": it looks like a malformed IPv4 address (a DNS name never ends in an all-numeric label, RFC 3696 section 2; inet_aton and URL parsers take it for a number): write all four decimal parts, such as 10.0.0.1',
      'mqtt_nodes.verne_2!: must be an IPv4 or IPv6 address (no zone id) or a DNS name, got "verne_2!"',
      "apigw_nodes.other.ansible_host: '10.0.0.7' is listed twice (also apigw_nodes.10.0.0.7)",
    ]);
  });

  it("names the example inventory's placeholders as such", () => {
    expect(problemsOf(inventory('all:\n  children:\n    mqtt_nodes:\n      hosts:\n        MQTT_HOST_ADDRESS:\n'))).toEqual([
      "mqtt_nodes.MQTT_HOST_ADDRESS: 'MQTT_HOST_ADDRESS' is the example inventory's placeholder: write the node's address",
    ]);
  });

  it('reads a directory as Ansible does: hosts.yaml, then group_vars/all/*.yaml by name', () => {
    const inv = readInventory(GUIDE_INVENTORY);
    expect(inv.hostsFile).toBe(path.join(GUIDE_INVENTORY, 'hosts.yaml'));
    expect(inv.variables.map((l) => path.basename(l.source))).toEqual(['dojot.yaml', 'services.yaml']);
    expect(inv.nodes.mqtt).toEqual(['192.168.0.14', '192.168.0.15', '192.168.0.16']);
  });

  it('points at the line of a YAML error, and at a missing file', () => {
    expect(problemsOf(inventory('all:\n  children: [\n'))).toEqual([expect.stringMatching(/^line \d+: /)]);
    expect(problemsOf('/nonexistent/hosts.yaml')).toEqual([
      ": '/nonexistent/hosts.yaml' is neither an inventory directory nor a hosts file",
    ]);
  });
});

describe('load balancer settings in a profile', () => {
  it('are validated with the rest of the profile; the nodes come from the inventory only', () => {
    let error: unknown;
    try {
      profileOf('100k', { loadBalancer: { nodes: { mqtt: ['10.0.0.1'] }, localPortRange: { low: 70000 }, expectedDevices: 0 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'loadBalancer.nodes: comes from the inventory (--inventory: its groups mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes, control_plane_nodes), not from a profile',
      'loadBalancer.expectedDevices: must be a whole number from 1 to 10000000, got 0',
      'loadBalancer.localPortRange: must be two port numbers with 1024 <= low <= high <= 65535, got 70000-65535',
    ]);
  });
});
