import * as fs from 'node:fs';
import { ANSIBLE_FIELDS, looksLikeAnsible, translateAnsible } from './ansible';
import { DEFAULTS, fillDerivedDefaults, referenceProfile } from './defaults';
import { type Inventory, readInventory } from './inventory';
import { isPlainObject, mergeLayer } from './merge';
import { PRESETS } from './presets';
import { type Problem, ProfileError, fromSource } from './problems';
import { FLAVOURS, type Profile, type ProfileLayer } from './types';
import { validateProfile } from './validate';
import { otherDojotVersion } from './versions';
import { readYamlFile } from './yaml-file';

/** What the user gave: flags, or their environment variables (`../shared/docs/interfaces.md`). */
export interface ProfileInputs {
  /** A preset name, a camelCase profile file (which may say `preset:`) or an Ansible `dojot.yaml`. @default 'default' */
  readonly profile?: string;
  /** An Ansible inventory: a hosts file, or a directory with hosts.yaml and group_vars/all/. */
  readonly inventory?: string;
  /** One of FLAVOURS, over every other layer. */
  readonly flavour?: string;
}

export interface LoadedProfile {
  readonly profile: Profile;
  /** The inputs, for the one line that says what was synthesized. */
  readonly source: string;
  /** Things read and deliberately not used (credentials, retired variables, Ansible settings). */
  readonly notices: readonly string[];
  /** The load balancer's nodes, when an inventory was given. */
  readonly inventory?: Inventory;
}

/** One layer of the profile, with where it comes from. */
interface Layer {
  readonly source: string;
  readonly values: Record<string, unknown>;
  /** Ansible variables were translated: problems are named by the Ansible variable. */
  readonly ansible: boolean;
  /** Problems found before the merge (unknown Ansible variables), reported with the rest. */
  readonly problems?: readonly Problem[];
}

const presetLayer = (name: string): Layer => ({
  source: `preset ${name}`,
  values: PRESETS[name] as Record<string, unknown>,
  ansible: false,
});

/** The layers of a profile file: its preset (if it names one), then its own values. */
function fileLayers(file: string, notices: string[]): Layer[] {
  const content = readYamlFile(file, '--profile') ?? {};
  if (!isPlainObject(content))
    throw new ProfileError(file, [{ path: '(top level)', message: 'must be a mapping of keys (a profile or an Ansible dojot.yaml)' }]);
  const other = otherDojotVersion(content);
  if (other) throw new ProfileError(file, [{ path: '(file)', message: other }]);
  if (looksLikeAnsible(content)) return [ansibleLayer(file, content, notices)];
  const { preset, ...values } = content;
  if (preset === undefined) return [{ source: file, values, ansible: false }];
  if (typeof preset !== 'string' || !Object.hasOwn(PRESETS, preset) || preset === '') {
    throw new ProfileError(file, [
      { path: 'preset', message: `must be one of ${Object.keys(PRESETS).join(', ')}, got ${JSON.stringify(preset)}` },
    ]);
  }
  return [presetLayer(preset), { source: file, values, ansible: false }];
}

function ansibleLayer(file: string, vars: Record<string, unknown>, notices: string[]): Layer {
  const t = translateAnsible(vars, referenceProfile() as unknown as Record<string, unknown>);
  notices.push(...t.notices.map((n) => `${file}: ${n}`));
  return { source: file, values: t.layer as Record<string, unknown>, ansible: true, problems: t.problems };
}

/**
 * Resolves the profile from its layers, each over the one before (interfaces.md): the
 * defaults; the preset (`--profile NAME`, or `preset:` in the profile file); the inventory
 * directory's `group_vars/all` files; the `--profile` file; the `--flavour` flag. Every
 * problem of every layer is reported at once, each naming its layer and field.
 */
export function loadInputs(inputs: ProfileInputs = {}): LoadedProfile {
  const selector = inputs.profile || 'default';
  const notices: string[] = [];
  const problems: Problem[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      problems.push(...fromSource(e.source, e.problems));
      return undefined;
    }
  };

  const isPreset = Object.hasOwn(PRESETS, selector);
  if (!isPreset && !fs.existsSync(selector)) {
    problems.push({
      source: '--profile',
      path: '',
      message: `'${selector}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor a file`,
    });
  }
  const inventoryPath = inputs.inventory;
  const inventory = inventoryPath ? collect(() => readInventory(inventoryPath)) : undefined;
  problems.push(...(inventory?.problems ?? []));
  const groupVars = (inventory?.groupVars ?? []).flatMap((f) => collect(() => ansibleLayer(f.file, f.vars, notices)) ?? []);
  const profileFile = !isPreset && fs.existsSync(selector) ? (collect(() => fileLayers(selector, notices)) ?? []) : [];
  const flavourKnown = inputs.flavour === undefined || (FLAVOURS as readonly string[]).includes(inputs.flavour);
  if (!flavourKnown)
    problems.push({ source: '--flavour', path: '', message: `must be one of ${FLAVOURS.join(', ')}, got '${inputs.flavour}'` });
  const flavour: Layer[] =
    inputs.flavour === undefined || !flavourKnown ? [] : [{ source: '--flavour', values: { flavour: inputs.flavour }, ansible: false }];
  // A preset named by --profile comes first; one named inside the profile file comes with it.
  const layers = [...(isPreset ? [presetLayer(selector)] : []), ...groupVars, ...profileFile, ...flavour];
  const profile = collect(() => resolveLayers(layers));
  if (problems.length || !profile) throw new ProfileError(selector, problems);
  const sources = [
    isPreset ? `preset ${selector}` : selector,
    ...(inputs.inventory ? [`inventory ${inputs.inventory}`] : []),
    ...(inputs.flavour ? [`flavour ${inputs.flavour}`] : []),
  ];
  return { profile, source: sources.join(', '), notices, inventory };
}

/** A preset name or a profile file, as `--profile` takes it. */
export function loadProfile(selector = 'default'): LoadedProfile {
  return loadInputs({ profile: selector });
}

/**
 * Merges layers over the defaults, fills the derived defaults, and validates. A problem of the
 * merged profile is named after the last layer that set its field.
 */
export function resolveLayers(layers: readonly Layer[]): Profile {
  const problems: Problem[] = [];
  const merged = structuredClone(DEFAULTS) as Record<string, unknown>;
  const reference = referenceProfile() as unknown as Record<string, unknown>;
  for (const layer of layers) {
    const own: Problem[] = [...(layer.problems ?? [])];
    mergeLayer(merged, layer.values, reference, own);
    problems.push(...fromSource(layer.source, layer.ansible ? own.map(withAnsibleName) : own));
  }
  fillDerivedDefaults(merged);
  const profile = merged as unknown as Profile;
  // Wrong keys and types were left out of the merge, so the rest can be validated now and
  // every problem reported in one go.
  for (const p of validateProfile(profile)) {
    // The last layer that set the field; else the last one given (a missing setting is the user's to add).
    const origin = [...layers].reverse().find((l) => sets(l.values, p.path)) ?? layers.at(-1);
    problems.push({ ...(origin?.ansible ? withAnsibleName(p) : p), source: origin?.source ?? 'the defaults' });
  }
  if (problems.length) throw new ProfileError(layers.at(-1)?.source ?? 'the defaults', problems);
  return profile;
}

/** A layer of profile fields, merged over the defaults and validated (tests, and profile layers in code). */
export function resolveProfile(
  source: string,
  layer: ProfileLayer | Record<string, unknown>,
  base?: ProfileLayer,
): { profile: Profile; source: string } {
  const layers: Layer[] = [
    ...(base ? [{ source: `${source} (base)`, values: base as Record<string, unknown>, ansible: false }] : []),
    { source, values: layer as Record<string, unknown>, ansible: false },
  ];
  return { profile: resolveLayers(layers), source };
}

/** Whether a layer sets the field at `fieldPath` (or a part of it, or a mapping that holds it). */
function sets(values: Record<string, unknown>, fieldPath: string): boolean {
  let node: unknown = values;
  for (const key of fieldPath.replace(/\[\d+\]/g, '').split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

/** Names the Ansible variable behind a profile path, for messages about a dojot.yaml. */
function withAnsibleName(problem: Problem): Problem {
  if (problem.path.startsWith('dojot_') || problem.path === 'optional') return problem;
  let best: [string, string] | undefined;
  for (const [variable, field] of Object.entries(ANSIBLE_FIELDS)) {
    const covers = problem.path === field || problem.path.startsWith(`${field}.`);
    if (covers && (!best || field.length > best[1].length)) best = [variable, field];
  }
  if (!best) return problem;
  const rest = problem.path.slice(best[1].length).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return { ...problem, path: `${best[0]}${rest} (${problem.path})` };
}
