import { HostPatternError, expandHostPattern } from './host-patterns';
import { isPlainObject } from './merge';
import type { Problem } from './problems';

type Plain = Record<string, unknown>;

/** More hosts than any site's inventory has: past this, ranges are multiplying a typo, and memory with it. */
export const MAX_INVENTORY_HOSTS = 200_000;

/** A variable as an inventory source set it, with the file it came from. */
export interface Sourced {
  readonly value: unknown;
  readonly file: string;
}

export interface Group {
  readonly name: string;
  /** Its own hosts, in the order the sources list them. */
  readonly hosts: string[];
  readonly children: string[];
  readonly parents: Set<string>;
  /** Its `vars:` in the hosts files, each with its file. */
  readonly vars: Map<string, Sourced>;
}

export interface Host {
  readonly name: string;
  /** The variables written under the host in the hosts files (`ansible_host`, ...). */
  readonly vars: Map<string, Sourced>;
  /** The groups that list it. */
  readonly groups: Set<string>;
}

/**
 * The groups and hosts of every source of an inventory, merged as Ansible merges them
 * (ansible/inventory/data.py, InventoryData; plugins/inventory/yaml.py, `_parse_group`): a group
 * or host named in several places, or several files, is one, with the hosts, children and
 * variables of each place (a later one wins per variable).
 */
export class InventoryData {
  readonly groups = new Map<string, Group>();
  readonly hosts = new Map<string, Host>();
  readonly problems: Problem[] = [];
  /** Keys the YAML plugin skips with a warning (it only knows hosts, children and vars). */
  readonly skipped: string[] = [];

  group(name: string): Group {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, hosts: [], children: [], parents: new Set(), vars: new Map() };
      this.groups.set(name, g);
    }
    return g;
  }

  private host(name: string): Host {
    let h = this.hosts.get(name);
    if (!h) {
      h = { name, vars: new Map(), groups: new Set() };
      this.hosts.set(name, h);
    }
    return h;
  }

  /** Reads one YAML inventory source: a mapping of groups. */
  addSource(file: string, root: Plain): void {
    for (const [name, node] of Object.entries(root)) this.addGroup(file, name, node, name);
  }

  private addGroup(file: string, name: string, node: unknown, where: string): void {
    if (node !== null && node !== undefined && !isPlainObject(node)) {
      this.skipped.push(`${where} (a group must be a mapping of hosts, children and vars)`);
      return;
    }
    const group = this.group(name);
    if (!node) return;
    for (const [section, content] of Object.entries(node)) {
      // A section written as a bare name is a mapping of that one name (the YAML plugin's own rule).
      const entries = typeof content === 'string' ? { [content]: null } : content;
      if (!['vars', 'children', 'hosts'].includes(section)) {
        this.skipped.push(`${where}.${section} (only hosts, children and vars are read)`);
        continue;
      }
      if (entries === null || entries === undefined) continue;
      if (!isPlainObject(entries)) {
        this.problems.push({ path: `${where}.${section}`, message: `must be a mapping, got ${JSON.stringify(entries)}`, source: file });
        continue;
      }
      if (section === 'vars') for (const [k, v] of Object.entries(entries)) group.vars.set(k, { value: v, file });
      if (section === 'children') {
        for (const [child, sub] of Object.entries(entries)) {
          this.addGroup(file, child, sub, `${where}.children.${child}`);
          if (!group.children.includes(child)) group.children.push(child);
          this.group(child).parents.add(name);
        }
      }
      if (section === 'hosts') for (const [key, vars] of Object.entries(entries)) this.addHosts(file, group, key, vars, `${where}.hosts`);
    }
  }

  private addHosts(file: string, group: Group, key: string, vars: unknown, where: string): void {
    let names: readonly string[];
    let port: number | undefined;
    try {
      ({ hosts: names, port } = expandHostPattern(key));
    } catch (e) {
      if (!(e instanceof HostPatternError)) throw e;
      this.problems.push({
        path: `${where}.${key}`,
        message: `${e.message} (Ansible's host ranges: [1:9], [01:10], [a:f], [1:9:2])`,
        source: file,
      });
      return;
    }
    if (this.hosts.size + names.length > MAX_INVENTORY_HOSTS) {
      if (!this.problems.some((p) => p.message.includes('more than')))
        this.problems.push({
          path: `${where}.${key}`,
          message: `makes the inventory more than ${MAX_INVENTORY_HOSTS} hosts, which no dojot site has: check its ranges`,
          source: file,
        });
      return;
    }
    if (vars !== null && vars !== undefined && !isPlainObject(vars)) {
      this.problems.push({
        path: `${where}.${key}`,
        message: `a host's variables must be a mapping, got ${JSON.stringify(vars)}`,
        source: file,
      });
      return;
    }
    for (const name of names) {
      const host = this.host(name);
      if (!host.groups.has(group.name)) {
        host.groups.add(group.name);
        group.hosts.push(name);
      }
      if (port !== undefined) host.vars.set('ansible_port', { value: port, file });
      for (const [k, v] of Object.entries(vars ?? {})) host.vars.set(k, { value: v, file });
    }
  }

  /**
   * Every group not under another goes under `all` (InventoryData.reconcile_inventory), and a
   * group that is its own ancestor is a problem (Ansible: "creates a recursive dependency loop").
   */
  reconcile(file: string): void {
    const all = this.group('all');
    for (const g of this.groups.values()) {
      if (g.name !== 'all' && g.parents.size === 0) {
        g.parents.add('all');
        if (!all.children.includes(g.name)) all.children.push(g.name);
      }
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, trail: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') {
        this.problems.push({ path: trail.join('.children.'), message: `makes the group ${name} a child of itself`, source: file });
        return;
      }
      state.set(name, 'visiting');
      for (const child of this.group(name).children) visit(child, [...trail, child]);
      state.set(name, 'done');
    };
    for (const name of this.groups.keys()) visit(name, [name]);
  }

  /** group.get_hosts(): its own hosts, then its children's, each once. */
  hostsOf(name: string): string[] {
    const out = new Set<string>();
    const seen = new Set<string>();
    const walk = (g: string) => {
      if (seen.has(g)) return;
      seen.add(g);
      const group = this.groups.get(g);
      if (!group) return;
      for (const h of group.hosts) out.add(h);
      for (const c of group.children) walk(c);
    };
    walk(name);
    return [...out];
  }

  /** A group's depth: the longest path to it from `all` (Group.depth, as add_child_group sets it). */
  depthOf(name: string, memo = new Map<string, number>(), path = new Set<string>()): number {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (name === 'all' || path.has(name)) return 0;
    path.add(name);
    const parents = [...(this.groups.get(name)?.parents ?? [])];
    const depth = parents.length ? Math.max(...parents.map((p) => this.depthOf(p, memo, path) + 1)) : 0;
    path.delete(name);
    memo.set(name, depth);
    return depth;
  }

  /**
   * The groups of a host, their ancestors included, `all` excluded, in the order Ansible applies
   * their variables (ansible/inventory/helpers.py, `sort_groups`: depth, ansible_group_priority, name).
   */
  groupsOf(host: string): string[] {
    const found = new Set<string>();
    const up = (g: string) => {
      if (found.has(g) || g === 'all') return;
      found.add(g);
      for (const p of this.groups.get(g)?.parents ?? []) up(p);
    };
    for (const g of this.hosts.get(host)?.groups ?? []) up(g);
    const memo = new Map<string, number>();
    const priority = (g: string) => Number(this.groups.get(g)?.vars.get('ansible_group_priority')?.value ?? 1) || 1;
    const key = (g: string) => [this.depthOf(g, memo), priority(g)];
    return [...found].sort((a, b) => {
      const [da, pa] = key(a);
      const [db, pb] = key(b);
      return da - db || pa - pb || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
}
