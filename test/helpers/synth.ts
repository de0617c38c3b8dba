import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../app/synthesize';
import { withInventory } from '../../profile/inventory';
import { loadProfile, resolveProfile } from '../../profile/load';
import { PRESETS } from '../../profile/presets';
import type { Profile, ProfileLayer } from '../../profile/types';

/** A Kubernetes object as synthesized, with the file it is in. */
export interface ManifestObject {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a manifest's spec, read field by field as each test needs it
  readonly spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: the rest of a manifest, as above
  readonly [field: string]: any;
}

export interface Synthesized {
  readonly profile: Profile;
  /** File name → content, every file of the output. */
  readonly files: Readonly<Record<string, string>>;
  readonly objects: readonly ManifestObject[];
  /** The one object of that kind and name; fails when there is none or more than one. */
  find(kind: string, name: string): ManifestObject;
  /** The object of that kind and name, or undefined. */
  maybe(kind: string, name: string): ManifestObject | undefined;
  ofKind(kind: string): ManifestObject[];
}

export const PRESET_NAMES = Object.keys(PRESETS);

/** The guide's 8-machine inventory (its example addresses), as the README uses it. */
export const GUIDE_INVENTORY = path.resolve(__dirname, '..', '..', 'examples', 'guide-100k');
export const GUIDE_HOSTS = path.join(GUIDE_INVENTORY, 'hosts.yaml');

/** A preset's profile with the guide's inventory: the load balancer's nodes are the guide's. */
export function lbProfile(preset: string, overrides: ProfileLayer = {}, hosts = GUIDE_HOSTS): Profile {
  return withInventory(profileOf(preset, overrides), hosts);
}

/** The profile of a preset, optionally with a layer merged over it (validated like any input). */
export function profileOf(preset: string, overrides: ProfileLayer = {}): Profile {
  if (!Object.keys(overrides).length) return loadProfile(preset).profile;
  return resolveProfile('test', overrides, PRESETS[preset]).profile;
}

/** Synthesized profiles of this test worker, by content. */
const cache = new Map<string, Synthesized>();

/**
 * The run's cache folder (test/setup/synth-cache.ts), shared by the workers: each profile is
 * synthesized once per `npm test`, whichever worker needs it first.
 */
const SHARED_CACHE = process.env.DOJOT_TEST_SYNTH_CACHE;

/**
 * Synthesizes a profile into a fresh temporary folder and parses every manifest (the load
 * balancer's files when it has nodes). The result is shared: tests must not change it.
 */
export function synth(profile: Profile): Synthesized {
  const key = JSON.stringify(profile);
  const hit = cache.get(key);
  if (hit) return hit;
  const file = SHARED_CACHE ? path.join(SHARED_CACHE, `${createHash('sha256').update(key).digest('hex')}.json`) : undefined;
  let read: { files: Record<string, string>; objects: ManifestObject[] } | undefined;
  if (file && fs.existsSync(file)) read = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!read) {
    read = synthesizeAndRead(profile);
    if (file) {
      const partial = `${file}.${process.pid}`;
      fs.writeFileSync(partial, JSON.stringify(read));
      fs.renameSync(partial, file);
    }
  }
  const result = withFinders(profile, read.files, read.objects);
  cache.set(key, result);
  return result;
}

function synthesizeAndRead(profile: Profile): { files: Record<string, string>; objects: ManifestObject[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-test-'));
  const { manifests } = synthesize(profile, dir, { loadBalancer: Object.values(profile.loadBalancer.nodes).some((n) => n.length) });
  // Every file, sub-folders included (monitoring/, helm/), by its path in the output; the objects
  // as synthesize wrote them (test/charts/synthesis.test.ts checks they are the files' contents).
  const files: Record<string, string> = {};
  const names = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  for (const file of names) files[file] = fs.readFileSync(path.join(dir, file), 'utf8');
  const objects = manifests.flatMap((m) => m.objects.map((o) => ({ file: m.file, ...o }) as ManifestObject));
  fs.rmSync(dir, { recursive: true, force: true });
  return { files, objects };
}

function withFinders(profile: Profile, files: Record<string, string>, objects: ManifestObject[]): Synthesized {
  const matching = (kind: string, name: string) => objects.filter((o) => o.kind === kind && o.metadata.name === name);
  return {
    profile,
    files,
    objects,
    find(kind, name) {
      const found = matching(kind, name);
      if (found.length !== 1) throw new Error(`expected one ${kind} '${name}', found ${found.length}`);
      return found[0];
    },
    maybe: (kind, name) => matching(kind, name)[0],
    ofKind: (kind) => objects.filter((o) => o.kind === kind),
  };
}

/** The pod spec of a workload (Deployment, StatefulSet, Job). */
// biome-ignore lint/suspicious/noExplicitAny: a pod spec, read field by field as each test needs it
export function podSpec(o: ManifestObject): any {
  return o.spec.template.spec;
}

/** A label map without Kubernetes' recommended `app.kubernetes.io/*` labels: the original's own (undefined when none). */
export function originalLabels(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  const own = Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !k.startsWith('app.kubernetes.io/')));
  return Object.keys(own).length ? own : undefined;
}

/** One container of a workload: by its index (the first by default) or its name; fails when there is none. */
// biome-ignore lint/suspicious/noExplicitAny: a container, read field by field as each test needs it
export function containerOf(o: ManifestObject, which: number | string = 0): any {
  const containers = podSpec(o).containers;
  const found = typeof which === 'number' ? containers[which] : containers.find((c: { name: string }) => c.name === which);
  if (!found) throw new Error(`${o.kind} '${o.metadata.name}' has no container ${which}`);
  return found;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}

/** A container's environment as name → value, `<secret>:<key>` for a Secret's key, `field:<path>` for a pod field. */
export function envOf(o: ManifestObject, container: number | string = 0): Record<string, string> {
  const read = (e: EnvVar) => {
    if (e.value !== undefined) return e.value;
    if (e.valueFrom?.secretKeyRef) return `${e.valueFrom.secretKeyRef.name}:${e.valueFrom.secretKeyRef.key}`;
    if (e.valueFrom?.fieldRef) return `field:${e.valueFrom.fieldRef.fieldPath}`;
    throw new Error(`${o.metadata.name}: ${e.name} has neither a value nor a known reference`);
  };
  return Object.fromEntries(((containerOf(o, container).env ?? []) as EnvVar[]).map((e) => [e.name, read(e)]));
}

/** The images of a workload's containers, in order. */
export const imagesOf = (o: ManifestObject): string[] => podSpec(o).containers.map((c: { image: string }) => c.image);

/** The node affinity that pins a pod to the node group of that label value (`dojot.components/group`). */
export const groupAffinity = (value: string) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'dojot.components/group', operator: 'In', values: [value] }] }],
    },
  },
});
