import * as fs from 'node:fs';
import * as path from 'node:path';
import { LB_GROUPS, type LbGroup, addressProblems, isAddress } from './load-balancer';
import { isPlainObject, setOwn } from './merge';
import { type Problem, ProfileError } from './problems';
import type { Profile } from './types';
import { otherDojotVersion, otherDojotVersionOfHosts } from './versions';
import { readYamlFile, MAX_FILE_BYTES } from './yaml-file';

type Plain = Record<string, unknown>;

/** What an Ansible inventory gives: the load balancer's nodes and, for a directory, its variables. */
export interface Inventory {
  /** The hosts file read. */
  readonly hostsFile: string;
  /** The addresses of each load-balancer group the inventory has (a group it lacks is absent). */
  readonly nodes: Partial<Record<LbGroup, string[]>>;
  /** `group_vars/all` files, in Ansible's order (by name), with their variables. */
  readonly groupVars: readonly { readonly file: string; readonly vars: Plain }[];
  /** Problems of the hosts file's addresses, reported with those of the variables. */
  readonly problems: readonly Problem[];
}

/** The names Ansible looks for, in its order, inside an inventory directory. */
const HOSTS_FILES = ['hosts.yaml', 'hosts.yml', 'hosts'];
const YAML_FILE = /\.ya?ml$/;

/** An inventory group as Ansible's YAML inventory writes it. */
interface GroupNode {
  readonly hosts: Plain;
  readonly children: Plain;
}

function asGroup(node: unknown): GroupNode {
  const g = isPlainObject(node) ? node : {};
  return {
    hosts: Object.hasOwn(g, 'hosts') && isPlainObject(g.hosts) ? g.hosts : {},
    children: Object.hasOwn(g, 'children') && isPlainObject(g.children) ? g.children : {},
  };
}

/** Every group of the inventory, wherever it is nested (`all.children.x.children.y`), by name. */
function collectGroups(root: Plain): Map<string, unknown> {
  const groups = new Map<string, unknown>();
  const visit = (name: string, node: unknown) => {
    if (groups.has(name)) return;
    groups.set(name, node);
    for (const [child, sub] of Object.entries(asGroup(node).children)) visit(child, sub);
  };
  for (const [name, node] of Object.entries(root)) visit(name, node);
  return groups;
}

/** Host name → `ansible_host`, from every group's hosts (a host's variables may be given once, anywhere). */
function hostAddresses(groups: Map<string, unknown>): Map<string, unknown> {
  const addresses = new Map<string, unknown>();
  for (const node of groups.values()) {
    for (const [host, vars] of Object.entries(asGroup(node).hosts)) {
      if (isPlainObject(vars) && Object.hasOwn(vars, 'ansible_host')) addresses.set(host, vars.ansible_host);
    }
  }
  return addresses;
}

/** The hosts of a group and of its child groups, in order, each once. */
function hostsOf(node: unknown, groups: Map<string, unknown>, seen = new Set<unknown>()): string[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const g = asGroup(node);
  const nested = Object.entries(g.children).flatMap(([name, sub]) => hostsOf(sub ?? groups.get(name), groups, seen));
  return [...new Set([...Object.keys(g.hosts), ...nested])];
}

/** The hosts file and group_vars/all files of an inventory directory, or the file itself. */
function inventoryFiles(location: string): { hostsFile: string; varFiles: string[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new ProfileError('--inventory', [{ path: '', message: `'${location}' is neither an inventory directory nor a hosts file` }]);
  }
  if (!stat.isDirectory()) return { hostsFile: location, varFiles: [] };
  const hosts = HOSTS_FILES.map((f) => path.join(location, f)).find((f) => fs.existsSync(f));
  if (!hosts) throw new ProfileError(location, [{ path: '(directory)', message: `has no hosts file (${HOSTS_FILES.join(', ')})` }]);
  if (fs.existsSync(path.join(location, 'group_vars', 'dojot-k8s'))) {
    throw new ProfileError(location, [
      {
        path: 'group_vars/dojot-k8s',
        message:
          'is where dojot v0.4.0 to v0.4.3 kept their variables; dojot-cdk8s deploys dojot v0.6.0 and reads v0.6.0 inventories (group_vars/all)',
      },
    ]);
  }
  const all = path.join(location, 'group_vars', 'all');
  const single = ['all.yaml', 'all.yml'].map((f) => path.join(location, 'group_vars', f)).filter((f) => fs.existsSync(f));
  const inDir =
    fs.existsSync(all) && fs.statSync(all).isDirectory()
      ? fs
          .readdirSync(all)
          .filter((f) => YAML_FILE.test(f))
          .sort()
          .map((f) => path.join(all, f))
      : [];
  return { hostsFile: hosts, varFiles: [...single, ...inDir] };
}

/** Addresses the example inventory leaves for the user to fill in (`MQTT_HOST_ADDRESS`). */
const PLACEHOLDER = /^[A-Z0-9_-]+_ADDRESS$/;

/**
 * Reads an Ansible inventory as Ansible does: a YAML hosts file, or a directory holding one
 * (`hosts.yaml`, `hosts.yml` or `hosts`) and `group_vars/all/*.yaml` (by name). The load
 * balancer's groups are mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes and the optional
 * control_plane_nodes; a host's address is its `ansible_host`, or its name when it has none
 * (the guide lists addresses as host names).
 */
export function readInventory(location: string): Inventory {
  const { hostsFile, varFiles } = inventoryFiles(location);
  const root = readYamlFile(hostsFile, '--inventory', MAX_FILE_BYTES.inventory);
  if (!isPlainObject(root)) {
    throw new ProfileError(hostsFile, [
      {
        path: '(top level)',
        message: 'must be an Ansible YAML inventory: a mapping of groups, such as all: { children: { mqtt_nodes: { hosts: ... } } }',
      },
    ]);
  }
  const groups = collectGroups(root);
  const later = otherDojotVersionOfHosts(groups.keys());
  if (later) throw new ProfileError(hostsFile, [{ path: '(groups)', message: later }]);

  const addressOf = hostAddresses(groups);
  const problems: Problem[] = [];
  const nodes: Partial<Record<LbGroup, string[]>> = {};
  for (const [key, group] of Object.entries(LB_GROUPS) as [LbGroup, string][]) {
    if (!groups.has(group)) continue;
    const hosts = hostsOf(groups.get(group), groups);
    const addresses = hosts.map((h) => (addressOf.has(h) ? addressOf.get(h) : h));
    const where = (i: number) => `${group}.${hosts[i]}${addressOf.has(hosts[i]) ? '.ansible_host' : ''}`;
    for (const [i, a] of addresses.entries()) {
      if (typeof a === 'string' && PLACEHOLDER.test(a))
        problems.push({ path: where(i), message: `'${a}' is the example inventory's placeholder: write the node's address` });
    }
    problems.push(...addressProblems(addresses, where).filter((p) => !problems.some((q) => q.path === p.path)));
    nodes[key] = addresses.filter(isAddress);
  }
  const groupVars = varFiles.map((file) => {
    const vars = readYamlFile(file, '--inventory') ?? {};
    if (!isPlainObject(vars)) throw new ProfileError(file, [{ path: '(top level)', message: 'must be a mapping of Ansible variables' }]);
    return { file, vars };
  });
  const union: Plain = {};
  for (const g of groupVars) for (const [k, v] of Object.entries(g.vars)) setOwn(union, k, v);
  const other = otherDojotVersion(union);
  if (other)
    throw new ProfileError(varFiles.length === 1 ? varFiles[0] : path.join(location, 'group_vars', 'all'), [
      { path: '(variables)', message: other },
    ]);
  return { hostsFile, nodes, groupVars, problems: problems.map((p) => ({ ...p, source: hostsFile })) };
}

/** An inventory whose hosts file has bad addresses is refused (for callers that need it whole). */
export function readValidInventory(location: string): Inventory {
  const inventory = readInventory(location);
  if (inventory.problems.length) throw new ProfileError(inventory.hostsFile, inventory.problems);
  return inventory;
}

/** The profile with the inventory's nodes (an inventory, or its path); groups the inventory lacks have none. */
export function withInventory(profile: Profile, inventory: Inventory | string | undefined): Profile {
  if (inventory === undefined) return profile;
  const { nodes } = typeof inventory === 'string' ? readValidInventory(inventory) : inventory;
  const none = { mqtt: [], apigw: [], metrics: [], lwm2m: [], controlPlane: [] };
  return { ...profile, loadBalancer: { ...profile.loadBalancer, nodes: { ...none, ...nodes } } };
}
