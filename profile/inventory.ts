import * as fs from 'node:fs';
import * as path from 'node:path';
import { InventoryData, type Sourced } from './inventory-data';
import { inventorySources, isDocumentation, isScript, isYamlSource, listing, varsBase, varsFilesOf } from './inventory-files';
import { LB_GROUPS, type LbGroup, addressProblems, isAddress } from './load-balancer';
import { isPlainObject, setOwn } from './merge';
import { type Problem, ProfileError } from './problems';
import type { Profile } from './types';
import { otherDojotVersion, otherDojotVersionOfHosts } from './versions';
import { MAX_FILE_BYTES, readYamlFile } from './yaml-file';

type Plain = Record<string, unknown>;

/** Variables Ansible gives the host deploy.yaml runs on, from one place (a file, or a group's `vars:` in one). */
export interface VariableLayer {
  /** The file, and for variables written inside a hosts file, the group or host they belong to. */
  readonly source: string;
  /** The variables this layer is the last to set (Ansible's precedence: a later layer replaces a variable whole). */
  readonly vars: Plain;
}

/** What an Ansible inventory gives: the load balancer's nodes and the variables of deploy.yaml's host. */
export interface Inventory {
  /** The hosts files read (every inventory source of a directory), for messages. */
  readonly hostsFile: string;
  /** The addresses of each load-balancer group the inventory has (a group it lacks is absent). */
  readonly nodes: Partial<Record<LbGroup, string[]>>;
  /** The variables, lowest precedence first. */
  readonly variables: readonly VariableLayer[];
  /** What was read and deliberately not used, one line each. */
  readonly notices: readonly string[];
  /** Problems of the hosts files (addresses, ranges), reported with those of the variables. */
  readonly problems: readonly Problem[];
}

/** v0.6.0's deploy.yaml runs every play on `hosts: dojot-k8s[0]`: the first host of that group. */
export const DEPLOY_GROUP = 'dojot-k8s';

/** Addresses the example inventory leaves for the user to fill in (`MQTT_HOST_ADDRESS`). */
const PLACEHOLDER = /^[A-Z0-9_-]+_ADDRESS$/;

const INI_HINT = 'convert it to YAML with `ansible-inventory -i <file> --list -y > hosts.yaml` and give that file';

/** One source file, parsed, or the problem that keeps it out. */
function readSource(file: string): { root: Plain } | { refused: Omit<Problem, 'source'> } {
  const refuse = (where: string, message: string) => ({ refused: { path: where, message } });
  // A FIFO or a device would block the read, or never end: only regular files are read.
  if (!fs.statSync(file).isFile())
    return refuse('(file)', 'is not a regular file (a FIFO, a socket or a device): move it out of the inventory');
  const convert = `give its output instead (\`ansible-inventory -i ${path.basename(file)} --list -y > hosts.yaml\`)`;
  if (isScript(file))
    return refuse('(file)', `is an executable inventory script, which Ansible would run; dojot-cdk8s never runs one: ${convert}`);
  if (!isYamlSource(file))
    return refuse(
      '(file)',
      `is not a YAML inventory (only .yaml, .yml, .json or no extension are): Ansible would try its INI or TOML plugin on it; ${INI_HINT}, or move it out of the inventory directory`,
    );
  const root = readYamlFile(file, '--inventory', MAX_FILE_BYTES.inventory, 'ansible');
  if (root === null || root === undefined) return { root: {} };
  if (!isPlainObject(root))
    return refuse(
      '(top level)',
      'must be an Ansible YAML inventory: a mapping of groups, such as all: { children: { mqtt_nodes: { hosts: ... } } }',
    );
  if (Object.hasOwn(root, 'plugin'))
    return refuse(
      'plugin',
      `configures Ansible's inventory plugin ${JSON.stringify(root.plugin)}, which dojot-cdk8s does not run: ${convert}`,
    );
  return { root };
}

/** A group_vars or host_vars file's variables. */
function readVarsFile(file: string): Plain {
  const vars = readYamlFile(file, '--inventory', MAX_FILE_BYTES.settings, 'ansible') ?? {};
  if (!isPlainObject(vars)) throw new ProfileError(file, [{ path: '(top level)', message: 'must be a mapping of Ansible variables' }]);
  return vars;
}

/** The sources' layers split by file: variables written in several hosts files are each their file's. */
function byFile(label: string, vars: Map<string, Sourced>): VariableLayer[] {
  const files = new Map<string, Plain>();
  for (const [k, v] of vars) {
    const into = files.get(v.file) ?? {};
    setOwn(into, k, v.value);
    files.set(v.file, into);
  }
  return [...files].map(([file, own]) => ({ source: `${file} (${label})`, vars: own }));
}

/**
 * Every variable in the last layer that sets it only: Ansible's default `hash_behaviour`
 * (replace) lets a later definition of a variable replace an earlier one whole, mappings too.
 */
function lastSetOnly(layers: readonly VariableLayer[]): VariableLayer[] {
  const last = new Map<string, number>();
  layers.forEach((l, i) => {
    for (const k of Object.keys(l.vars)) last.set(k, i);
  });
  return layers
    .map((l, i) => {
      const own: Plain = {};
      // `ansible_*` are Ansible's own (connection settings, ansible_host): never dojot's.
      for (const [k, v] of Object.entries(l.vars)) if (last.get(k) === i && !k.startsWith('ansible_')) setOwn(own, k, v);
      return { source: l.source, vars: own };
    })
    .filter((l) => Object.keys(l.vars).length > 0);
}

/**
 * Reads an Ansible inventory as Ansible does for deploy.yaml: every inventory source of a
 * directory (or the one hosts file given), merged; host ranges expanded; and the variables of
 * the host deploy.yaml runs on (`dojot-k8s[0]`), in Ansible's precedence (docs: "Understanding
 * variable precedence"): the hosts files' `all` vars, then those of the host's other groups;
 * group_vars/all; group_vars of the host's groups (by depth, ansible_group_priority, name);
 * the host's own variables in the hosts files; host_vars of the host. The load balancer's
 * groups are mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes and the optional
 * control_plane_nodes; a host's address is its `ansible_host` (host_vars included), or its
 * name when it has none (the guide lists addresses as host names).
 */
export function readInventory(location: string, label = '--inventory'): Inventory {
  if (!fs.existsSync(location))
    throw new ProfileError(label, [{ path: '', message: `'${location}' is neither an inventory directory nor a hosts file` }]);
  const found = inventorySources(location);
  // A README beside the hosts file is documentation, not a source (unless it is the one file given).
  const documentation = found.length > 1 || found[0] !== location ? found.filter(isDocumentation) : [];
  const sources = found.filter((f) => !documentation.includes(f));
  if (!sources.length)
    throw new ProfileError(location, [{ path: '(directory)', message: 'has no inventory source (a hosts.yaml, for one)' }]);
  const data = new InventoryData();
  const refused: Problem[] = [];
  for (const file of sources) {
    const read = readSource(file);
    if ('refused' in read) refused.push({ ...read.refused, source: file });
    else data.addSource(file, read.root);
  }
  if (refused.length) throw new ProfileError(sources[0], refused);
  const hostsFile = sources.length === 1 ? sources[0] : location;
  data.reconcile(hostsFile);
  const later = otherDojotVersionOfHosts(data.groups.keys());
  if (later) throw new ProfileError(hostsFile, [{ path: '(groups)', message: later }]);

  const base = varsBase(location);
  const hostVarsDir = path.join(base, 'host_vars');
  const hostVarsPresent = listing(hostVarsDir);
  const hostVarsCache = new Map<string, Plain>();
  const hostVars = (host: string): { file: string; vars: Plain }[] =>
    varsFilesOf(hostVarsDir, host, hostVarsPresent).map((file) => {
      const vars = hostVarsCache.get(file) ?? readVarsFile(file);
      hostVarsCache.set(file, vars);
      return { file, vars };
    });

  const problems: Problem[] = [...data.problems];
  const nodes: Partial<Record<LbGroup, string[]>> = {};
  for (const [key, group] of Object.entries(LB_GROUPS) as [LbGroup, string][]) {
    if (!data.groups.has(group)) continue;
    const hosts = data.hostsOf(group);
    const located = hosts.map((h) => {
      const fromFiles = hostVars(h).filter((f) => Object.hasOwn(f.vars, 'ansible_host'));
      if (fromFiles.length) return { address: fromFiles.at(-1)?.vars.ansible_host, where: `${fromFiles.at(-1)?.file}: ansible_host` };
      const inline = data.hosts.get(h)?.vars.get('ansible_host');
      return inline ? { address: inline.value, where: `${group}.${h}.ansible_host` } : { address: h as unknown, where: `${group}.${h}` };
    });
    const addresses = located.map((l) => l.address);
    const where = (i: number) => located[i].where;
    for (const [i, a] of addresses.entries()) {
      if (typeof a === 'string' && PLACEHOLDER.test(a))
        problems.push({ path: where(i), message: `'${a}' is the example inventory's placeholder: write the node's address` });
    }
    problems.push(...addressProblems(addresses, where).filter((p) => !problems.some((q) => q.path === p.path)));
    nodes[key] = addresses.filter(isAddress);
  }

  const { variables, notices } = deployHostVariables(data, path.join(base, 'group_vars'), hostVars);
  const union: Plain = {};
  for (const l of variables) for (const [k, v] of Object.entries(l.vars)) setOwn(union, k, v);
  const other = otherDojotVersion(union);
  if (other) throw new ProfileError(variables.at(-1)?.source ?? hostsFile, [{ path: '(variables)', message: other }]);
  if (documentation.length)
    notices.push(
      `${documentation.join(', ')}: documentation, not an inventory source: not read (Ansible fails to parse it and skips it too)`,
    );
  if (data.skipped.length)
    notices.push(
      `${hostsFile}: ${data.skipped.length} key${data.skipped.length === 1 ? '' : 's'} of the hosts file skipped, as Ansible's YAML plugin skips them: ${data.skipped.slice(0, 3).join('; ')}${data.skipped.length > 3 ? '; ...' : ''}`,
    );
  return { hostsFile, nodes, variables, notices, problems: problems.map((p) => ({ source: hostsFile, ...p })) };
}

/** The layers of variables of deploy.yaml's host, lowest precedence first, and what was left out. */
function deployHostVariables(
  data: InventoryData,
  groupVarsDir: string,
  hostVars: (host: string) => { file: string; vars: Plain }[],
): { variables: VariableLayer[]; notices: string[] } {
  const notices: string[] = [];
  const deployHost = data.hostsOf(DEPLOY_GROUP)[0];
  const groups = deployHost === undefined ? [] : data.groupsOf(deployHost);
  if (deployHost === undefined)
    notices.push(
      `the inventory has no host in ${DEPLOY_GROUP}, where v0.6.0's deploy.yaml runs (hosts: ${DEPLOY_GROUP}[0]): only the variables of the group all are read`,
    );
  const present = listing(groupVarsDir);
  const groupFiles = (g: string) => varsFilesOf(groupVarsDir, g, present).map((file) => ({ source: file, vars: readVarsFile(file) }));
  const layers: VariableLayer[] = [
    ...byFile('group all', data.group('all').vars),
    ...groups.flatMap((g) => byFile(`group ${g}`, data.groups.get(g)?.vars ?? new Map())),
    ...groupFiles('all'),
    ...groups.flatMap(groupFiles),
    ...(deployHost === undefined
      ? []
      : [
          ...byFile(`host ${deployHost}`, data.hosts.get(deployHost)?.vars ?? new Map()),
          ...hostVars(deployHost).map((f) => ({ source: f.file, vars: f.vars })),
        ]),
  ];
  // group_vars of groups the host is not in: Ansible gives them to other hosts (haproxy.yaml's, say).
  const applied = new Set(['all', ...groups]);
  const unread = [...present].filter((name) => {
    const group = name.replace(/\.(ya?ml|json)$/, '');
    return !applied.has(group) && !name.startsWith('.') && data.groups.has(group);
  });
  if (unread.length)
    notices.push(
      `${groupVarsDir}: ${unread.sort().join(', ')} not read: Ansible gives them to hosts of other groups, and deploy.yaml runs on ${deployHost ?? 'no host'}`,
    );
  return { variables: lastSetOnly(layers), notices };
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
