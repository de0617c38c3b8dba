import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory } from '../../profile/inventory';
import { loadInputs } from '../../profile/load';
import { ProfileError } from '../../profile/problems';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

/** The load balancer's three required groups; `deploy` puts a host in dojot-k8s, where deploy.yaml runs. */
const HOSTS = (mqtt = '        10.0.0.1:\n', deploy = '        k8s-master:\n') =>
  `all:\n  children:\n    dojot-k8s:\n      hosts:\n${deploy}    mqtt_nodes:\n      hosts:\n${mqtt}    apigw_nodes:\n      hosts:\n        10.0.0.2:\n    metrics_nodes:\n      hosts:\n        10.0.0.2:\n`;

/** An inventory directory with these files (a mode after a `|`: `'run|755'`). */
function inventory(files: Record<string, string>): string {
  const dir = tempDir('dojot-ansible-');
  for (const [name, content] of Object.entries(files)) {
    const [file, mode] = name.split('|');
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content, mode ? { mode: Number.parseInt(mode, 8) } : undefined);
  }
  return dir;
}

/** The one-line problems of an input that must be refused. */
function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.problems.map((p) => `${p.source ? `${path.basename(p.source)}: ` : ''}${p.path}: ${p.message}`);
  }
  throw new Error('the input was accepted');
}

const withVars = (vars: string, more: Record<string, string> = {}) =>
  loadInputs({ inventory: inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all/dojot.yaml': vars, ...more }) });

describe("Ansible's YAML: PyYAML's YAML 1.1 resolver, in the files Ansible reads", () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['ON', true],
    ['on', true],
    ['True', true],
    ['no', false],
    ['Off', false],
    ['FALSE', false],
  ])('reads dojot_enable_node_affinity: %s as the boolean %s', (word, value) => {
    expect(withVars(`dojot_enable_node_affinity: ${word}\n`).profile.placement.nodeAffinity).toBe(value);
  });

  it("keeps y and n strings, as PyYAML does (yaml's own 1.1 schema would read booleans), and refuses them where a boolean belongs", () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all/dojot.yaml': 'dojot_enable_node_affinity: y\n' });
    expect(problemsOf(() => loadInputs({ inventory: dir }))).toEqual([
      expect.stringMatching(/^dojot\.yaml: dojot_enable_node_affinity .*got 'y'/),
    ]);
  });

  it('reads 010 as octal 8, 1:20 as base 60 (80), 0x3 as 3 and 1_1 as 11', () => {
    const p = withVars(
      'dojot_vernemq_replicas: 010\ndojot_bridges_replicas: 1:20\ndojot_kafka_cluster_size: 0x3\ndojot_zk_cluster_size: 1_1\n',
    ).profile;
    expect([p.vernemq.replicas, p.bridges.replicas, p.kafka.clusterSize, p.zookeeper.clusterSize]).toEqual([8, 80, 3, 11]);
  });

  it('keeps 08 and 0:20 strings, as PyYAML does, and refuses them as numbers', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all/dojot.yaml': 'dojot_vernemq_replicas: 08\ndojot_bridges_replicas: 0:20\n',
    });
    expect(problemsOf(() => loadInputs({ inventory: dir }))).toEqual([
      expect.stringMatching(/dojot_vernemq_replicas .*'08'/),
      expect.stringMatching(/dojot_bridges_replicas .*'0:20'/),
    ]);
  });

  it('reads a --profile dojot.yaml the same way, and a camelCase profile as YAML 1.2 (010 is 10, yes a string)', () => {
    const dir = tempDir('dojot-profiles-');
    fs.writeFileSync(path.join(dir, 'dojot.yaml'), 'dojot_vernemq_replicas: 010\ndojot_enable_node_affinity: yes\n');
    fs.writeFileSync(path.join(dir, 'camel.yaml'), 'vernemq: { replicas: 010 }\n');
    fs.writeFileSync(path.join(dir, 'camel-bool.yaml'), 'placement: { nodeAffinity: yes }\n');
    const ansible = loadInputs({ profile: path.join(dir, 'dojot.yaml') }).profile;
    expect([ansible.vernemq.replicas, ansible.placement.nodeAffinity]).toEqual([8, true]);
    expect(loadInputs({ profile: path.join(dir, 'camel.yaml') }).profile.vernemq.replicas).toBe(10);
    expect(problemsOf(() => loadInputs({ profile: path.join(dir, 'camel-bool.yaml') }))).toEqual([
      expect.stringMatching(/placement\.nodeAffinity: .*'yes'/),
    ]);
  });

  it('reads a group_vars file written in JSON, as Ansible tries JSON first', () => {
    const p = withVars('dojot_domain_name: a.example\n', {
      'group_vars/all/zz.json': '{"dojot_domain_name": "from-json.example", "dojot_vernemq_replicas": 2}',
    }).profile;
    expect([p.domainName, p.vernemq.replicas]).toEqual(['from-json.example', 2]);
  });

  it('reads merge keys, and the values a Vault-encrypted credential holds are never needed', () => {
    const vault = '!vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n';
    const { profile, notices } = withVars(`dojot_psql_super_passwd: ${vault}base: &b { dojot: x }\n`);
    expect(profile.domainName).toBe(loadInputs({}).profile.domainName);
    expect(notices.join('\n')).toMatch(/dojot_psql_super_passwd: a credential, not carried into dist/);
  });

  it('refuses a Vault-encrypted value of a setting, which cannot be decrypted here', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all/dojot.yaml': 'dojot_namespace: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  61\n',
    });
    expect(problemsOf(() => loadInputs({ inventory: dir }))).toEqual([
      'dojot.yaml: dojot_namespace: is encrypted with Ansible Vault, which dojot-cdk8s does not decrypt; it is no credential: write its value in the clear',
    ]);
  });
});

describe('an inventory directory, as Ansible reads it for the host deploy.yaml runs on (dojot-k8s[0])', () => {
  it('reads group_vars/all as one extension-less file', () => {
    expect(
      loadInputs({ inventory: inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all': 'dojot_domain_name: plain-file.example\n' }) }).profile
        .domainName,
    ).toBe('plain-file.example');
  });

  it('reads only the first of all, all.yml, all.yaml, all.json (find_vars_files stops at the first)', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all.yml': 'dojot_domain_name: from-yml.example\n',
      'group_vars/all.yaml': 'dojot_domain_name: from-yaml.example\ndojot_vernemq_replicas: 2\n',
    });
    const { profile } = loadInputs({ inventory: dir });
    expect([profile.domainName, profile.vernemq.replicas]).toEqual(['from-yml.example', 1]);
  });

  it('reads .json and extension-less files in group_vars/all/, and its sub-folders, by name; skips hidden and ~ files', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all/a.yaml': 'dojot_domain_name: a.example\n',
      'group_vars/all/b': 'dojot_domain_name: b.example\n',
      'group_vars/all/c/d.json': '{"dojot_vernemq_replicas": 4}',
      'group_vars/all/e.yaml~': 'dojot_domain_name: backup.example\n',
      'group_vars/all/.hidden.yaml': 'dojot_domain_name: hidden.example\n',
      'group_vars/all/notes.txt': 'dojot_domain_name: text.example\n',
    });
    const { profile } = loadInputs({ inventory: dir });
    expect([profile.domainName, profile.vernemq.replicas]).toEqual(['b.example', 4]);
    expect(readInventory(dir).variables.map((l) => path.relative(dir, l.source))).toEqual(['group_vars/all/b', 'group_vars/all/c/d.json']);
  });

  it('applies group_vars/dojot-k8s over group_vars/all, and the host_vars of the deploy host over both', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all/dojot.yaml': 'dojot_domain_name: from-all.example\ndojot_vernemq_replicas: 2\ndojot_kafka_cluster_size: 3\n',
      'group_vars/dojot-k8s.yml': 'dojot_domain_name: from-group.example\ndojot_vernemq_replicas: 4\n',
      'host_vars/k8s-master.yaml': 'dojot_vernemq_replicas: 5\n',
    });
    const { profile } = loadInputs({ inventory: dir });
    expect([profile.domainName, profile.vernemq.replicas, profile.kafka.clusterSize]).toEqual(['from-group.example', 5, 3]);
  });

  it("replaces a mapping variable whole, as Ansible's hash_behaviour=replace does", () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all.yaml': 'dojot_node_label: { dojot: from-all, x509: from-all, kafka: from-all, vernemq: from-all }\n',
      'group_vars/dojot-k8s.yaml': 'dojot_node_label: { dojot: mine }\n',
    });
    const labels = loadInputs({ inventory: dir }).profile.placement.nodeLabels;
    expect(labels.dojot).toBe('mine');
    expect(labels.kafka).not.toBe('from-all.example');
  });

  it("orders groups as Ansible does: parents before children, then by name; the hosts file's vars under group_vars", () => {
    const hosts = `${HOSTS()}    parent:\n      vars: { dojot_domain_name: inline-parent.example }\n      children:\n        child:\n          hosts:\n            k8s-master:\n    zz-sibling:\n      hosts:\n        k8s-master:\n`;
    const dir = inventory({
      'hosts.yaml': hosts,
      'group_vars/parent.yaml': 'dojot_domain_name: parent.example\ndojot_vernemq_replicas: 2\n',
      'group_vars/child.yaml': 'dojot_domain_name: child.example\n',
      'group_vars/zz-sibling.yaml': 'dojot_vernemq_replicas: 3\n',
    });
    const { profile } = loadInputs({ inventory: dir });
    // child (depth 2) over parent (depth 1); zz-sibling (depth 1) over parent by name.
    expect([profile.domainName, profile.vernemq.replicas]).toEqual(['child.example', 3]);
  });

  it("reads the hosts file's own group and host variables", () => {
    const hosts = HOSTS('        10.0.0.1:\n', '        k8s-master: { dojot_vernemq_replicas: 6 }\n').replace(
      'all:\n',
      'all:\n  vars:\n    dojot_domain_name: inline-all.example\n',
    );
    const { profile } = loadInputs({ inventory: inventory({ 'hosts.yaml': hosts }) });
    expect([profile.domainName, profile.vernemq.replicas]).toEqual(['inline-all.example', 6]);
  });

  it('does not give the deploy host the variables of groups it is not in, and says so in one line', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'group_vars/mqtt_nodes.yaml': 'dojot_domain_name: not-mine.example\n' });
    const { profile, notices } = loadInputs({ inventory: dir });
    expect(profile.domainName).toBe(loadInputs({}).profile.domainName);
    expect(notices).toContainEqual(expect.stringMatching(/group_vars: mqtt_nodes\.yaml not read: .*deploy\.yaml runs on k8s-master$/));
  });

  it('reads only group all when no host is in dojot-k8s, and says so', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS('        10.0.0.1:\n', '').replace('    dojot-k8s:\n      hosts:\n', ''),
      'group_vars/all.yaml': 'dojot_domain_name: from-all.example\n',
    });
    const { profile, notices } = loadInputs({ inventory: dir });
    expect(profile.domainName).toBe('from-all.example');
    expect(notices).toContainEqual(expect.stringMatching(/no host in dojot-k8s, where v0\.6\.0's deploy\.yaml runs/));
  });

  it('reads every inventory source of the directory, by name, and skips .ini and the other ignored extensions (v0.6.0 ansible.cfg)', () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'more-brokers.yml': 'all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.0.0.9:\n',
      'old.ini': '[mqtt_nodes]\n10.0.0.99\n',
      'hosts.yaml.bak': 'not: [read\n',
      '.hidden.yaml': 'not: [read\n',
    });
    expect(readInventory(dir).nodes.mqtt).toEqual(['10.0.0.1', '10.0.0.9']);
  });

  it('gives the group_vars beside a hosts file given alone, as Ansible does', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all.yaml': 'dojot_domain_name: beside.example\n' });
    expect(loadInputs({ inventory: path.join(dir, 'hosts.yaml') }).profile.domainName).toBe('beside.example');
  });

  it("takes a host's address from host_vars", () => {
    const dir = inventory({ 'hosts.yaml': HOSTS('        verne-1:\n'), 'host_vars/verne-1/net.yaml': 'ansible_host: 10.9.9.9\n' });
    expect(readInventory(dir).nodes.mqtt).toEqual(['10.9.9.9']);
  });

  it.each([
    ['10.0.0.[5:7]', ['10.0.0.5', '10.0.0.6', '10.0.0.7']],
    ['10.0.[1:2].[8:9]', ['10.0.1.8', '10.0.1.9', '10.0.2.8', '10.0.2.9']],
    ['verne[01:03].lab', ['verne01.lab', 'verne02.lab', 'verne03.lab']],
    ['verne[1:9:4].lab', ['verne1.lab', 'verne5.lab', 'verne9.lab']],
    ['verne-[a:c].lab', ['verne-a.lab', 'verne-b.lab', 'verne-c.lab']],
    ['10.0.0.5:2222', ['10.0.0.5']],
    ['[2001:db8::5]:22', ['2001:db8::5']],
    ['2001:db8::6', ['2001:db8::6']],
  ])('expands the host key %s as Ansible does', (key, hosts) => {
    expect(readInventory(inventory({ 'hosts.yaml': HOSTS(`        '${key}':\n`) })).nodes.mqtt).toEqual(hosts);
  });

  it('refuses ranges that together make more hosts than any site has, in one line', () => {
    const keys = Array.from({ length: 3 }, (_, i) => `        'g${i}-[1:90000].lab':\n`).join('');
    const problems = readInventory(inventory({ 'hosts.yaml': HOSTS(keys) })).problems;
    expect(problems.map((p) => p.message)).toEqual([
      'makes the inventory more than 200000 hosts, which no dojot site has: check its ranges',
    ]);
  });

  it.each([
    ['verne[1:].lab', /has a range without its end/],
    ['verne[01:100].lab', /zero-padded range whose begin and end differ in length/],
    ['verne[1:3:0].lab', /range step that is not a positive whole number/],
    ['verne[1:2000000].lab', /expands to more than 100000 hosts/],
    ['verne[1-3].lab', /not \[begin:end\] or \[begin:end:step\]/],
    ['verne[1:3.lab', /has a '\[' without its '\]'/],
  ])('refuses the host key %s in one line', (key, message) => {
    const problems = readInventory(inventory({ 'hosts.yaml': HOSTS(`        '${key}':\n`) })).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(message);
  });
});

describe('a group_vars/all shared with other playbooks', () => {
  it("synthesizes, with one line counting the variables that are not dojot's", () => {
    const dir = inventory({
      'hosts.yaml': HOSTS(),
      'group_vars/all/dojot.yaml': 'dojot_vernemq_replicas: 2\n',
      'group_vars/all/site.yaml':
        'ntp_servers: [a, b]\ndocker_users: [ops]\nansible_user: deploy\nsyslog_host: 10.0.0.50\nfirewall_open: { ssh: 22 }\nmotd: hi\n',
    });
    const o = runSynth(['--inventory', dir]);
    expect(o.status, o.lines.join('\n')).toBe(0);
    const skipped = o.lines.filter((l) => /not of dojot's skipped/.test(l));
    expect(skipped).toEqual([
      "note: 5 Ansible variables not of dojot's skipped (ntp_servers, docker_users, syslog_host, firewall_open, ...): other playbooks' or Ansible's own settings, with no effect on the manifests",
    ]);
    expect(o.distAfter['0007-vernemq.k8s.yaml']).toMatch(/replicas: 2\n/);
  });

  it('keeps an unknown dojot_ variable an error, with its did-you-mean', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all/dojot.yaml': 'dojot_vernemq_replica: 3\nntp_servers: [a]\n' });
    expect(problemsOf(() => loadInputs({ inventory: dir }))).toEqual([
      "dojot.yaml: dojot_vernemq_replica: unknown key 'dojot_vernemq_replica'; did you mean 'dojot_vernemq_replicas'?",
    ]);
  });
});

describe('inventory sources dojot-cdk8s does not read', () => {
  it('refuses an executable inventory script without running it', () => {
    const marker = path.join(tempDir('dojot-marker-'), 'ran');
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'dynamic|755': `#!/bin/sh\ntouch ${marker}\necho '{}'\n` });
    const o = runSynth(['--inventory', dir]);
    expect(o.status).toBe(1);
    expect(o.lines.filter((l) => l.startsWith('error'))).toEqual([
      expect.stringMatching(
        /dynamic: \(file\): is an executable inventory script, which Ansible would run; dojot-cdk8s never runs one: give its output instead/,
      ),
    ]);
    expect(fs.existsSync(marker)).toBe(false);
    expect(o.distAfter).toEqual(o.distBefore);
  });

  it("reads a file that starts with #! but cannot run as YAML, as Ansible's fall-through to its YAML plugin does", () => {
    const dir = inventory({ 'hosts.yaml': `#!not-run\n${HOSTS()}` });
    expect(readInventory(dir).nodes.mqtt).toEqual(['10.0.0.1']);
  });

  it.each([
    ['inventory.toml', '[mqtt_nodes.hosts]\n', /inventory\.toml: \(file\): is not a YAML inventory/],
    ['hosts.conf', '[mqtt_nodes]\n10.0.0.9\n', /hosts\.conf: \(file\): is not a YAML inventory .*convert it to YAML/],
    [
      'aws_ec2.yaml',
      'plugin: amazon.aws.aws_ec2\nregions: [us-east-1]\n',
      /aws_ec2\.yaml: plugin: configures Ansible's inventory plugin "amazon\.aws\.aws_ec2", which dojot-cdk8s does not run/,
    ],
  ])('refuses %s in one line', (name, content, message) => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), [name]: content });
    expect(problemsOf(() => readInventory(dir))).toEqual([expect.stringMatching(message)]);
  });

  it('skips a README beside the hosts file with a note, as Ansible skips what it cannot parse', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'README.md': '# Our inventory\nAsk ops.\n', 'notes.txt': 'x\n' });
    const inv = readInventory(dir);
    expect(inv.nodes.mqtt).toEqual(['10.0.0.1']);
    expect(inv.notices).toContainEqual(expect.stringMatching(/README\.md, .*notes\.txt: documentation, not an inventory source: not read/));
    // Given alone, it is no documentation but the inventory: refused as what it is.
    expect(problemsOf(() => readInventory(path.join(dir, 'notes.txt')))).toEqual([expect.stringMatching(/is not a YAML inventory/)]);
  });

  it('refuses a group that is its own ancestor', () => {
    const hosts = `${HOSTS()}    a:\n      children:\n        b:\n          children:\n            a:\n`;
    expect(readInventory(inventory({ 'hosts.yaml': hosts })).problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/makes the group a child of itself|makes the group (a|b) a child of itself/),
      }),
    ]);
  });
});

describe("keys an object's prototype has, in an Ansible file", () => {
  it.each([
    ['constructor', 'constructor: x\n'],
    ['__proto__', '__proto__: { dojot_namespace: polluted }\n'],
    ['toString', 'toString: x\n'],
  ])("skips %s like any other variable not of dojot's, and changes nothing", (_, line) => {
    const { profile, notices } = withVars(`dojot_vernemq_replicas: 2\n${line}`);
    expect(profile.vernemq.replicas).toBe(2);
    expect(profile.namespace).toBe('dojot');
    expect(notices).toContainEqual(expect.stringMatching(/^1 Ansible variable not of dojot's skipped/));
    expect(({} as Record<string, unknown>).dojot_namespace).toBeUndefined();
  });
});

describe('an inventory directory that links to itself', () => {
  it('reads each folder once, through any number of links', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS(), 'group_vars/all/a.yaml': 'dojot_vernemq_replicas: 2\n' });
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    fs.symlinkSync(path.join(dir, 'group_vars', 'all'), path.join(dir, 'group_vars', 'all', 'again'));
    expect(readInventory(dir).nodes.mqtt).toEqual(['10.0.0.1']);
    expect(loadInputs({ inventory: dir }).profile.vernemq.replicas).toBe(2);
  });
});

describe('an inventory directory with a FIFO in it', () => {
  it('refuses it in one line, without blocking on it', () => {
    const dir = inventory({ 'hosts.yaml': HOSTS() });
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe')]);
    expect(made.status).toBe(0);
    expect(problemsOf(() => readInventory(dir))).toEqual([
      'pipe: (file): is not a regular file (a FIFO, a socket or a device): move it out of the inventory',
    ]);
  });
});
