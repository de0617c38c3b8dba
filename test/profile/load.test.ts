import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../profile/defaults';
import { loadInputs, loadProfile } from '../../profile/load';
import { ProfileError } from '../../profile/problems';
import type { Profile } from '../../profile/types';
import { profileOf, synth } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'profiles');

describe('presets', () => {
  it("default is the repository's defaults: no fixed ports, no affinity, no volumes, one broker", () => {
    const p = loadProfile('default').profile;
    expect(p.nodePorts.fixed).toBe(false);
    expect(p.placement.nodeAffinity).toBe(false);
    expect(p.storageClassName).toBeUndefined();
    expect(p.vernemq.replicas).toBe(1);
    expect(p.domainName).toBe('localhost');
  });

  it("100k is the guide's environment", () => {
    const p = loadProfile('100k').profile;
    expect(p.vernemq.replicas).toBe(3);
    expect(p.bridges.replicas).toBe(9);
    expect(p.nodePorts).toMatchObject({ fixed: true, mqtt: 30004, mqtts: 30005, apigw: { http: 30001, https: 30002 } });
    expect(p.placement.nodeAffinity).toBe(true);
    expect(p.storageClassName).toBe('local-storage');
    expect(p.loadBalancer.expectedDevices).toBe(100000);
  });

  it('never changes the shared defaults object', () => {
    const before = JSON.stringify(DEFAULTS);
    loadProfile('100k');
    profileOf('100k', { vernemq: { replicas: 7 } });
    expect(JSON.stringify(DEFAULTS)).toBe(before);
  });
});

describe('an Ansible dojot.yaml', () => {
  // A dojot.yaml cannot say its flavour: the original chose it with --tags, here --flavour.
  const loaded = loadInputs({ profile: path.join(FIXTURES, 'guide-100k.dojot.yaml'), flavour: '100k' });

  it('takes the default flavour (vernemq) unless --flavour says another', () => {
    expect(loadProfile(path.join(FIXTURES, 'guide-100k.dojot.yaml')).profile.flavour).toBe('vernemq');
    expect(loaded.profile.flavour).toBe('100k');
  });

  // A dojot.yaml has no device count (the load balancer and the brokers keep their default
  // sizing), no machine sizes and no container sizes: those are the preset's own.
  const withPresetSizes = (p: Profile): Profile => {
    const preset = loadProfile('100k').profile;
    return { ...p, loadBalancer: preset.loadBalancer, resources: preset.resources, capacity: preset.capacity };
  };

  it("maps the guide's variables onto the same profile as the 100k preset, but for the sizes", () => {
    const preset = loadProfile('100k').profile;
    expect(withPresetSizes(loaded.profile)).toEqual(preset);
    expect(loaded.profile.capacity.machines.vernemq.count).toBe(0);
    expect(loaded.profile.resources['vernemq-k8s'].vernemq).toEqual({ cpu: '1', memory: '768Mi', memoryLimit: '1280Mi' });
  });

  it('synthesizes the same manifests as the 100k preset', () => {
    // The load balancer's files differ: the device count and addresses are not in a dojot.yaml.
    const manifests = (files: Readonly<Record<string, string>>) =>
      Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.yaml') || name.endsWith('.sh')));
    expect(manifests(synth(withPresetSizes(loaded.profile)).files)).toEqual(manifests(synth(profileOf('100k')).files));
  });

  it('reads credentials but never uses them, and says so', () => {
    expect(loaded.notices.join('\n')).toContain('dojot_psql_super_passwd');
    expect(loaded.notices.join('\n')).toContain('dojot_psql_kong_passwd');
    // Only user names reach the profile; the passwords' values appear nowhere in it.
    expect(loaded.profile.postgres).toMatchObject({ superUser: 'postgres', kong: { user: 'kong', db: 'kong' } });
    const keys = (o: unknown): string[] => (o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => [k, ...keys(v)]) : []);
    expect(keys(loaded.profile).filter((k) => /passw/i.test(k))).toEqual(['resetPasswordUrl']);
  });

  it("turns the string 'true' of dojot_insecure_mqtt into a boolean", () => {
    expect(loaded.profile.vernemq.insecureMqtt).toBe(true);
  });

  it("says in one line that the operator's version is no longer used", () => {
    const file = path.join(tempDir('dojot-ansible-'), 'dojot.yaml');
    fs.writeFileSync(file, 'dojot_namespace: dojot\ndojot_verne_operator_version: "202001230903"\n');
    const { notices, profile } = loadProfile(file);
    expect(notices).toEqual([
      expect.stringMatching(/dojot\.yaml: dojot_verne_operator_version: the vmq-operator is gone: the brokers are a plain StatefulSet/),
    ]);
    expect(profile.vernemq).not.toHaveProperty('operatorVersion');
  });
});

describe('a camelCase profile file', () => {
  it('may start from a preset', () => {
    const p = loadProfile(path.join(__dirname, '..', 'lab', 'loopback-lab.yaml')).profile;
    expect(p.loadBalancer.expectedDevices).toBe(8000);
    expect(p.vernemq.replicas).toBe(3);
    expect(p.nodePorts.fixed).toBe(true);
  });

  it('names the presets when the one asked for does not exist', () => {
    expect(problemsOf('preset: 200k\n')).toEqual(['preset: must be one of default, 100k, got "200k"']);
  });

  it('is merged over the defaults', () => {
    const p = loadProfile(path.join(FIXTURES, 'camel-layer.yaml')).profile;
    expect(p.namespace).toBe('iot');
    expect(p.vernemq.replicas).toBe(2);
    expect(p.placement.nodeLabels).toEqual({ dojot: 'dojot', kafka: 'kafka', x509: 'x509', vernemq: 'mqtt-pool' });
    expect(p.bridges.replicas).toBe(1);
  });
});

/** The problems reported for a YAML file, as `path: message` lines. */
function problemsOf(content: string): string[] {
  const file = path.join(tempDir('dojot-profile-'), 'dojot.yaml');
  fs.writeFileSync(file, content);
  try {
    loadProfile(file);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    expect(e.source).toBe(file);
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the profile was accepted');
}

describe('bad profiles are rejected with one message per problem', () => {
  it('names an unknown key and the closest known one', () => {
    expect(problemsOf('vernemq:\n  replica: 3\n')).toEqual(["vernemq.replica: unknown key 'replica'; did you mean 'replicas'?"]);
  });

  it('says in one line when nothing is close, never listing every key', () => {
    expect(problemsOf('vernemq:\n  flux: 3\n')).toEqual([
      "vernemq.flux: unknown key 'flux': not a setting of vernemq (the README's profile reference lists them)",
    ]);
  });

  it('refuses the removed vernemq.operatorVersion, naming the change', () => {
    expect(problemsOf('vernemq: { operatorVersion: "202001230903" }\n')).toEqual([
      expect.stringMatching(
        /^vernemq\.operatorVersion: was removed: the brokers are a plain StatefulSet of dojot\/vernemq-dojot, without the vmq-operator/,
      ),
    ]);
  });

  it('takes a number or infinity for vernemq.maxConnections, and nothing else', () => {
    expect(profileOf('100k', { vernemq: { maxConnections: 40000 } }).vernemq.maxConnections).toBe(40000);
    expect(profileOf('100k').vernemq.maxConnections).toBe('infinity');
    expect(problemsOf('vernemq: { maxConnections: lots }\n')).toEqual([
      "vernemq.maxConnections: must be a whole number above 0 or 'infinity', got 'lots'",
    ]);
    expect(problemsOf('vernemq: { maxConnections: 0 }\n')).toEqual([
      "vernemq.maxConnections: must be a whole number above 0 or 'infinity', got 0",
    ]);
  });

  it('rejects a wrong type with the type expected', () => {
    expect(problemsOf('vernemq: { replicas: three }\n')).toEqual(["vernemq.replicas: must be a number, got 'three'"]);
  });

  it('reports NodePorts out of range and duplicated', () => {
    expect(problemsOf('nodePorts: { fixed: true, mqtt: 40000, mqtts: 30001 }\n')).toEqual([
      'nodePorts.mqtt: must be an integer from 30000 to 32767, got 40000',
      'nodePorts.mqtts: must be unique: 30001 is also nodePorts.apigw.http',
    ]);
  });

  it('rejects zero replicas', () => {
    expect(problemsOf('bridges: { replicas: 0 }\n')).toEqual([
      'bridges.replicas: must be a whole number of replicas from 1 to 1000, got 0',
    ]);
  });

  it('rejects a label value Kubernetes would refuse', () => {
    expect(problemsOf('placement: { nodeLabels: { kafka: "bad label!" } }\n')).toEqual([
      "placement.nodeLabels.kafka: must be a Kubernetes label value (letters, digits, - _ . ; starting and ending alphanumeric), got 'bad label!'",
    ]);
  });

  it('requires a storage class when a volume toggle is on', () => {
    expect(problemsOf('postgres: { persistence: { enabled: true } }\n')).toEqual([
      "storageClassName: must be set when a persistence toggle is on (postgres.persistence.enabled is true); the guide uses 'local-storage'",
    ]);
  });

  it('rejects a size that is not a Kubernetes quantity', () => {
    expect(problemsOf('storageClassName: local-storage\nkafka: { persistence: { enabled: true, size: 2 GB } }\n')).toEqual([
      "kafka.persistence.size: must be a Kubernetes quantity such as 2Gi or 5Mi, got '2 GB'",
    ]);
  });

  it('reports every problem of a file at once', () => {
    expect(problemsOf('vernemq: { replica: 3 }\nbridges: { replicas: 0 }\nnodePorts: { mqtt: 1 }\n')).toHaveLength(3);
  });

  it('names the Ansible variable, and the profile field behind it', () => {
    expect(
      problemsOf(
        'dojot_vernemq_replica: 3\ndojot_bridges_replicas: three\ndojot_fixed_nodeports_enabled: true\ndojot_nodeports: { mqtt: 29000 }\ndojot_zk_persistent_volumes: true\ndojot_storage_class_name: ""\n',
      ),
    ).toEqual([
      "dojot_vernemq_replica: unknown key 'dojot_vernemq_replica'; did you mean 'dojot_vernemq_replicas'?",
      "dojot_bridges_replicas (bridges.replicas): must be a number, got 'three'",
      'dojot_nodeports.mqtt (nodePorts.mqtt): must be an integer from 30000 to 32767, got 29000',
      "dojot_storage_class_name (storageClassName): must be set when a persistence toggle is on (zookeeper.persistence.enabled is true); the guide uses 'local-storage'",
    ]);
  });

  it('points at the line of a YAML syntax error', () => {
    expect(problemsOf('a: [1,\n')).toEqual([expect.stringMatching(/^line 2: /)]);
  });

  it('rejects a file that is not a mapping', () => {
    expect(problemsOf('- 1\n- 2\n')).toEqual(['(top level): must be a mapping of keys (a profile or an Ansible dojot.yaml)']);
  });

  it('rejects a selector that is neither a preset nor a file', () => {
    expect(() => loadProfile('200k')).toThrow("--profile: '200k' is neither a preset (default, 100k) nor a file");
  });
});
