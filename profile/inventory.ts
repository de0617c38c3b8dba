import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { LB_GROUPS, type LbGroup, REQUIRED_LB_GROUPS, addressProblems, isAddress } from './load-balancer';
import { isPlainObject } from './merge';
import { type Problem, ProfileError } from './problems';
import type { Profile } from './types';

type Plain = Record<string, unknown>;

/** An inventory group as Ansible's YAML inventory writes it. */
interface GroupNode {
  readonly hosts: Plain;
  readonly children: Plain;
}

function asGroup(node: unknown): GroupNode {
  const g = isPlainObject(node) ? node : {};
  return { hosts: isPlainObject(g.hosts) ? g.hosts : {}, children: isPlainObject(g.children) ? g.children : {} };
}

/** Every group of the inventory, wherever it is nested (`all.children.x.children.y`), by name. */
function collectGroups(root: Plain): Map<string, unknown> {
  const groups = new Map<string, unknown>();
  const visit = (name: string, node: unknown) => {
    if (!groups.has(name)) groups.set(name, node);
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
      if (isPlainObject(vars) && vars.ansible_host !== undefined) addresses.set(host, vars.ansible_host);
    }
  }
  return addresses;
}

/** The hosts of a group and of its child groups, in order, each once. */
function hostsOf(node: unknown, groups: Map<string, unknown>, seen = new Set<unknown>()): string[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const g = asGroup(node);
  const own = Object.keys(g.hosts);
  const nested = Object.entries(g.children).flatMap(([name, sub]) => hostsOf(sub ?? groups.get(name), groups, seen));
  return [...new Set([...own, ...nested])];
}

/**
 * The load balancer's nodes from an Ansible YAML inventory (the guide's `hosts.yaml`): the groups
 * mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes and the optional control_plane_nodes.
 * A host's address is its `ansible_host`, or its name when it has none (the guide lists IPs as
 * host names). Groups the inventory does not have keep the profile's addresses.
 */
export function readInventory(file: string): Partial<Record<LbGroup, string[]>> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new ProfileError('DOJOT_INVENTORY', [{ path: 'DOJOT_INVENTORY', message: `'${file}' is not a readable file` }]);
  }
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) {
    throw new ProfileError(file, doc.errors.map((e) => ({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] })));
  }
  const root: unknown = doc.toJS();
  if (!isPlainObject(root)) throw new ProfileError(file, [{ path: '(top level)', message: 'must be an Ansible YAML inventory: a mapping of groups, such as all: { children: { mqtt_nodes: { hosts: ... } } }' }]);

  const groups = collectGroups(root);
  const addressOf = hostAddresses(groups);
  const problems: Problem[] = [];
  const nodes: Partial<Record<LbGroup, string[]>> = {};
  for (const [key, group] of Object.entries(LB_GROUPS) as [LbGroup, string][]) {
    if (!groups.has(group)) continue;
    const hosts = hostsOf(groups.get(group), groups);
    const addresses = hosts.map((h) => addressOf.get(h) ?? h);
    const where = (i: number) => `${group}.${hosts[i]}${addressOf.has(hosts[i]) ? '.ansible_host' : ''}`;
    problems.push(...addressProblems(addresses, where));
    if (!hosts.length && REQUIRED_LB_GROUPS.includes(key)) problems.push({ path: group, message: 'has no hosts; the load balancer needs at least one to forward to' });
    nodes[key] = addresses.filter(isAddress);
  }
  if (!Object.keys(nodes).length) {
    problems.push({ path: '(groups)', message: `has none of the load balancer's groups: ${Object.values(LB_GROUPS).join(', ')}` });
  }
  if (problems.length) throw new ProfileError(file, problems);
  return nodes;
}

/** The profile with the inventory's nodes in place of its own, for the groups the inventory has. */
export function withInventory(profile: Profile, file: string | undefined): Profile {
  if (!file) return profile;
  const nodes = readInventory(file);
  return { ...profile, loadBalancer: { ...profile.loadBalancer, nodes: { ...profile.loadBalancer.nodes, ...nodes } } };
}
