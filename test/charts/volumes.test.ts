import { describe, expect, it } from 'vitest';
import type { ProfileLayer } from '../../profile/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSynth } from '../helpers/run-synth';
import { type ManifestObject, type Synthesized, podSpec, profileOf, synth } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const writeProfile = (content: string) => {
  const file = path.join(tempDir('dojot-profile-'), 'profile.yaml');
  fs.writeFileSync(file, content);
  return file;
};

interface Claim {
  /** Where the claim is: a PersistentVolumeClaim's name, or `<StatefulSet>/<template>`. */
  readonly id: string;
  readonly workload: ManifestObject;
  readonly volumeName: string;
  // biome-ignore lint/suspicious/noExplicitAny: a claim template's spec, read field by field
  readonly spec: any;
}

/** Every claim of the output: standalone claims mounted by a pod, and StatefulSet templates. */
function claims(out: Synthesized): Claim[] {
  const found: Claim[] = [];
  for (const w of out.objects.filter((o) => o.spec?.template?.spec)) {
    for (const t of w.spec.volumeClaimTemplates ?? [])
      found.push({ id: `${w.metadata.name}/${t.metadata.name}`, workload: w, volumeName: t.metadata.name, spec: t.spec });
    for (const v of podSpec(w).volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = out.find('PersistentVolumeClaim', v.persistentVolumeClaim.claimName);
      found.push({ id: pvc.metadata.name, workload: w, volumeName: v.name, spec: pvc.spec });
    }
  }
  return found;
}

function mounted(c: Claim): boolean {
  return podSpec(c.workload).containers.some((k: { volumeMounts?: { name: string }[] }) =>
    (k.volumeMounts ?? []).some((m) => m.name === c.volumeName),
  );
}

/** The local volumes a claim can bind to: selector labels, class, access mode and size all fit. */
function bindable(out: Synthesized, c: Claim): string[] {
  return out
    .ofKind('PersistentVolume')
    .filter((pv) => Object.entries(c.spec.selector?.matchLabels ?? {}).every(([k, v]) => pv.metadata.labels?.[k] === v))
    .filter((pv) => pv.spec.storageClassName === c.spec.storageClassName)
    .filter((pv) => c.spec.accessModes.every((m: string) => pv.spec.accessModes.includes(m)))
    .filter((pv) => pv.spec.capacity.storage === c.spec.resources.requests.storage)
    .map((pv) => pv.metadata.name);
}

/** Each persistence toggle of the 100k flavour: its local volumes and claims. */
const TOGGLES: ReadonlyArray<{ toggle: string; layer: (enabled: boolean) => ProfileLayer; volumes: string[]; claims: string[] }> = [
  {
    toggle: 'zookeeper',
    layer: (enabled) => ({ zookeeper: { persistence: { enabled } } }),
    volumes: ['local-pv-zk-data', 'local-pv-zk-log'],
    claims: ['zookeeper/zk-volume-data', 'zookeeper/zk-volume-log'],
  },
  {
    toggle: 'postgres',
    layer: (enabled) => ({ postgres: { persistence: { enabled } } }),
    volumes: ['local-pv-postgres'],
    claims: ['postgres/psql-volume'],
  },
  {
    toggle: 'mongodb',
    layer: (enabled) => ({ mongodb: { persistence: { enabled } } }),
    volumes: ['local-pv-mongo'],
    claims: ['mongodb/mongodb-volume'],
  },
  {
    toggle: 'kafka',
    layer: (enabled) => ({ kafka: { persistence: { enabled } } }),
    volumes: ['local-pv-kafka'],
    claims: ['kafka-server/kafka-volume'],
  },
  { toggle: 'apigw', layer: (enabled) => ({ apigw: { persistence: { enabled } } }), volumes: ['local-pv-kong'], claims: ['kong'] },
  {
    toggle: 'kafkaWs',
    layer: (enabled) => ({ kafkaWs: { persistence: { enabled } } }),
    volumes: ['local-pv-kafka-ws'],
    claims: ['kafka-ws'],
  },
  {
    toggle: 'x509IdentityMgmt',
    layer: (enabled) => ({ x509IdentityMgmt: { persistence: { enabled } } }),
    volumes: ['local-pv-x509-identity-mgmt'],
    claims: ['x509-identity-mgmt'],
  },
];

/** The brokers' claim template: one per replica, each pre-bound to its own volume (tested below, not by labels). */
const BROKERS_CLAIM = 'vernemq-k8s/data';

const pvNames = (out: Synthesized) =>
  out
    .ofKind('PersistentVolume')
    .map((pv) => pv.metadata.name)
    .sort();
const claimIds = (out: Synthesized) =>
  claims(out)
    .map((c) => c.id)
    .sort();

describe('every toggle on (100k preset)', () => {
  const out = synth(profileOf('100k'));

  it('emits the local-storage class: no provisioner, bound when the pod is scheduled', () => {
    const sc = out.find('StorageClass', 'local-storage');
    expect(sc.provisioner).toBe('kubernetes.io/no-provisioner');
    expect(sc.volumeBindingMode).toBe('WaitForFirstConsumer');
  });

  it('binds each claim to exactly its own volume, and mounts it', () => {
    const bindings = Object.fromEntries(
      claims(out)
        .filter((c) => c.id !== BROKERS_CLAIM)
        .map((c) => [c.id, bindable(out, c)]),
    );
    expect(bindings).toEqual(Object.fromEntries(TOGGLES.flatMap((t) => t.claims.map((c, i) => [c, [t.volumes[i] ?? t.volumes[0]]]))));
    for (const c of claims(out)) expect(mounted(c), c.id).toBe(true);
  });

  it('keeps every volume: Retain, its host path under hostRoot', () => {
    for (const pv of out.ofKind('PersistentVolume')) {
      expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Retain');
      expect(pv.spec.local.path.startsWith('/mnt/data/')).toBe(true);
    }
  });

  it('writes the host directories to create, per node group', () => {
    const script = out.files['prepare-local-volumes.sh'];
    expect(script).toContain('kafka) dirs="/mnt/data/kafka /mnt/data/zookeeper/data /mnt/data/zookeeper/log" ;;');
    expect(script).toContain('x509) dirs="/mnt/data/ejbca" ;;');
    // Every volume's host path is created on its own node group.
    for (const pv of out.ofKind('PersistentVolume')) {
      const group = pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0];
      expect(script).toMatch(new RegExp(`^  ${group}\\) dirs=".*${pv.spec.local.path}[ "]`, 'm'));
    }
  });

  it.each(TOGGLES)('turning $toggle off removes its volumes, claims and mounts only', ({ layer, volumes, claims: own }) => {
    const off = synth(profileOf('100k', layer(false)));
    expect(pvNames(off)).toEqual(pvNames(out).filter((n) => !volumes.includes(n)));
    expect(pvNames(off).filter((n) => n.startsWith('local-pv-vernemq'))).toHaveLength(3);
    expect(claimIds(off)).toEqual(claimIds(out).filter((id) => !own.includes(id)));
    for (const c of claims(off)) expect(mounted(c), c.id).toBe(true);
  });
});

describe('every toggle off (default preset)', () => {
  const out = synth(profileOf('default'));

  it('emits no storage class, volume, claim or host script', () => {
    expect(out.ofKind('StorageClass')).toEqual([]);
    expect(out.ofKind('PersistentVolume')).toEqual([]);
    expect(claims(out)).toEqual([]);
    expect(out.files['prepare-local-volumes.sh']).toBeUndefined();
  });

  it.each(TOGGLES)('turning $toggle on adds its volumes and bound claims only', ({ layer, volumes, claims: own }) => {
    const on = synth(profileOf('default', { storageClassName: 'local-storage', ...layer(true) }));
    expect(pvNames(on)).toEqual([...volumes].sort());
    expect(claimIds(on)).toEqual([...own].sort());
    for (const c of claims(on)) {
      expect(bindable(on, c)).toHaveLength(1);
      expect(mounted(c), c.id).toBe(true);
    }
  });

  it('lets a provisioner serve the claims when local volumes are off', () => {
    const provisioned = synth(profileOf('100k', { storageClassName: 'standard', localVolumes: { enabled: false } }));
    expect(provisioned.ofKind('PersistentVolume')).toEqual([]);
    expect(provisioned.maybe('StorageClass', 'local-storage')).toBeUndefined();
    expect(claims(provisioned).map((c) => c.spec.storageClassName)).toEqual(claims(provisioned).map(() => 'standard'));
    expect(claims(provisioned).every((c) => c.spec.selector === undefined)).toBe(true);
  });
});

describe("volumes pinned to their group's named machines (localVolumes.hosts)", () => {
  const layer = {
    kafka: { clusterSize: 3, persistence: { enabled: true } },
    zookeeper: { clusterSize: 3, persistence: { enabled: true } },
    capacity: { machines: { kafka: { count: 3 } } },
    localVolumes: { hosts: { kafka: ['kafka-1', 'kafka-2', 'kafka-3'] } },
  } as ProfileLayer;
  const pinned = synth(profileOf('100k', layer));
  const hostOf = (out: Synthesized, pv: string) =>
    out
      .find('PersistentVolume', pv)
      .spec.nodeAffinity.required.nodeSelectorTerms.flatMap(
        (t: { matchExpressions: { key: string; values: string[] }[] }) => t.matchExpressions,
      )
      .find((e: { key: string }) => e.key === 'kubernetes.io/hostname')?.values;

  it("puts replica n's volume on the n-th machine, and keeps the group's selector", () => {
    expect(hostOf(pinned, 'local-pv-kafka')).toEqual(['kafka-1']);
    expect(hostOf(pinned, 'local-pv-kafka-1')).toEqual(['kafka-2']);
    expect(hostOf(pinned, 'local-pv-kafka-2')).toEqual(['kafka-3']);
    const terms = pinned.find('PersistentVolume', 'local-pv-kafka-2').spec.nodeAffinity.required.nodeSelectorTerms;
    expect(terms[0].matchExpressions.map((e: { key: string }) => e.key)).toEqual(['dojot.components/group', 'kubernetes.io/hostname']);
  });

  it('leaves the other groups, and every volume without names, on any machine of their group', () => {
    const free = synth(profileOf('100k', { ...layer, localVolumes: {} } as ProfileLayer));
    expect(hostOf(free, 'local-pv-kafka-1')).toBeUndefined();
    const groupOf = (v: ManifestObject) => v.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0];
    const groupOnly = pinned.ofKind('PersistentVolume').filter((v) => groupOf(v) !== 'kafka');
    for (const v of pinned.ofKind('PersistentVolume').filter((x) => groupOf(x) === 'kafka'))
      expect(hostOf(pinned, v.metadata.name)).toHaveLength(1);
    expect(groupOnly.length).toBeGreaterThan(0);
    for (const v of groupOnly) expect(hostOf(pinned, v.metadata.name), v.metadata.name).toBeUndefined();
  });
});

describe("the brokers' volumes (vernemq.persistence)", () => {
  const claimOf = (out: Synthesized) => out.find('StatefulSet', 'vernemq-k8s').spec.volumeClaimTemplates?.[0];
  const dataVolume = (out: Synthesized) =>
    podSpec(out.find('StatefulSet', 'vernemq-k8s')).volumes.find((v: { name: string }) => v.name === 'data');

  it("are on for a cluster of brokers with a storage class (100k): one per broker, each pre-bound to its claim, on the brokers' group", () => {
    const out = synth(profileOf('100k'));
    expect(claimOf(out).metadata.name).toBe('data');
    expect(dataVolume(out)).toBeUndefined();
    for (const [i, pv] of ['local-pv-vernemq', 'local-pv-vernemq-1', 'local-pv-vernemq-2'].entries()) {
      const v = out.find('PersistentVolume', pv);
      expect(v.spec.claimRef).toEqual({ namespace: 'dojot', name: `data-vernemq-k8s-${i}` });
      expect(v.spec.local.path).toBe(`/mnt/data/vernemq${i ? `-${i}` : ''}`);
      expect(v.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(['vernemq']);
    }
    const mount = podSpec(out.find('StatefulSet', 'vernemq-k8s')).containers[0].volumeMounts.find(
      (m: { name: string }) => m.name === 'data',
    );
    expect(mount.mountPath).toBe('/vernemq/data');
  });

  it('are off for a lone broker, which keeps an emptyDir', () => {
    const out = synth(profileOf('default', { storageClassName: 'local-storage' }));
    expect(claimOf(out)).toBeUndefined();
    expect(dataVolume(out)).toEqual({ name: 'data', emptyDir: {} });
  });

  it('are off without a storage class, and synth says what a cluster of brokers then risks', () => {
    const o = runSynth(['--profile', writeProfile('preset: default\nvernemq: { replicas: 3 }\ncapacity: { onExcess: warn }\n')]);
    expect(o.status).toBe(0);
    expect(o.lines.join('\n')).toMatch(
      /note: vernemq: 3 brokers keep their cluster metadata in emptyDirs; .* set vernemq\.persistence\.enabled/,
    );
    const quiet = runSynth(['--profile', 'default']);
    expect(quiet.lines.join('\n')).not.toMatch(/brokers keep their cluster metadata/);
  });
});
