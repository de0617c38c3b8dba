import * as fs from 'node:fs';
import { looksLikeAnsible, translateAnsible } from './ansible';
import { DEFAULTS, fillDerivedDefaults, referenceProfile } from './defaults';
import { type Inventory, readInventory } from './inventory';
import { type LayerOverrides, overridesOf } from './layer-overrides';
import { type Layer, ansiblePath, sets, valueAt, withAnsibleName } from './layers';
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
  /** An Ansible inventory: a directory or a hosts file, read as Ansible reads it (profile/inventory.ts). */
  readonly inventory?: string;
  /** One of FLAVOURS, over every other layer. */
  readonly flavour?: string;
  /** The flag or variable each input came from (`--profile`, `DOJOT_PROFILE`), for the messages. @default the flags */
  readonly named?: { readonly profile?: string; readonly inventory?: string; readonly flavour?: string };
}

export interface LoadedProfile {
  readonly profile: Profile;
  /** The inputs, for the one line that says what was synthesized. */
  readonly source: string;
  /** Things read and deliberately not used (credentials, retired variables, Ansible settings). */
  readonly notices: readonly string[];
  /** The load balancer's nodes, when an inventory was given. */
  readonly inventory?: Inventory;
  /** What each layer overrides of the layers before it (one line each; `--explain` lists the fields). */
  readonly overrides: readonly LayerOverrides[];
}

/** A mapping of groups with hosts or children under `all`, as an Ansible YAML inventory is. */
const looksLikeHostsFile = (content: Record<string, unknown>) =>
  isPlainObject(content.all) && (Object.hasOwn(content.all, 'hosts') || Object.hasOwn(content.all, 'children'));

const presetLayer = (name: string): Layer => ({
  source: `preset ${name}`,
  values: PRESETS[name] as Record<string, unknown>,
  ansible: false,
  preset: true,
});

/** The layers of a profile file: its preset (if it names one), then its own values. */
function fileLayers(file: string, notices: string[], skipped: string[], label: string): Layer[] {
  const content = readYamlFile(file, label) ?? {};
  if (!isPlainObject(content))
    throw new ProfileError(file, [{ path: '(top level)', message: 'must be a mapping of keys (a profile or an Ansible dojot.yaml)' }]);
  const other = otherDojotVersion(content);
  if (other) throw new ProfileError(file, [{ path: '(file)', message: other }]);
  if (looksLikeHostsFile(content))
    throw new ProfileError(file, [
      { path: '(file)', message: `is an Ansible hosts file (its groups are under all:); give it as --inventory, not as ${label}` },
    ]);
  // An Ansible dojot.yaml is read again as Ansible reads it (YAML 1.1: `yes`, `010`); our own files stay YAML 1.2.
  if (looksLikeAnsible(content)) {
    const vars = readYamlFile(file, label, undefined, 'ansible');
    return [ansibleLayer(file, isPlainObject(vars) ? vars : content, notices, skipped)];
  }
  const { preset, ...values } = content;
  if (preset === undefined) return [{ source: file, values, ansible: false }];
  if (typeof preset !== 'string' || !Object.hasOwn(PRESETS, preset) || preset === '') {
    throw new ProfileError(file, [
      { path: 'preset', message: `must be one of ${Object.keys(PRESETS).join(', ')}, got ${JSON.stringify(preset)}` },
    ]);
  }
  return [presetLayer(preset), { source: file, values, ansible: false }];
}

function ansibleLayer(file: string, vars: Record<string, unknown>, notices: string[], skipped: string[]): Layer {
  const t = translateAnsible(vars, referenceProfile() as unknown as Record<string, unknown>);
  notices.push(...t.notices.map((n) => `${file}: ${n}`));
  skipped.push(...t.skipped);
  return { source: file, values: t.layer as Record<string, unknown>, ansible: true, problems: t.problems };
}

/**
 * Resolves the profile from its layers, each over the one before (interfaces.md): the
 * defaults; the preset (`--profile NAME`, or `preset:` in the profile file); the inventory's
 * variables (profile/inventory.ts: deploy.yaml's host's, in Ansible's precedence); the
 * `--profile` file; the `--flavour` flag. Every problem of every layer is reported at once, each
 * naming its layer and field, after what the layers overrode of each other.
 */
export function loadInputs(inputs: ProfileInputs = {}): LoadedProfile {
  const selector = inputs.profile || 'default';
  const named = { profile: '--profile', inventory: '--inventory', flavour: '--flavour', ...inputs.named };
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
      source: named.profile,
      path: '',
      message: `'${selector}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor a file`,
    });
  }
  const inventoryPath = inputs.inventory;
  const inventory = inventoryPath ? collect(() => readInventory(inventoryPath, named.inventory)) : undefined;
  problems.push(...(inventory?.problems ?? []));
  notices.push(...(inventory?.notices ?? []));
  const skipped: string[] = [];
  const groupVars = (inventory?.variables ?? []).flatMap((f) => collect(() => ansibleLayer(f.source, f.vars, notices, skipped)) ?? []);
  const profileFile =
    !isPreset && fs.existsSync(selector) ? (collect(() => fileLayers(selector, notices, skipped, named.profile)) ?? []) : [];
  if (skipped.length) notices.push(skippedLine(skipped));
  const flavourKnown = inputs.flavour === undefined || (FLAVOURS as readonly string[]).includes(inputs.flavour);
  if (!flavourKnown)
    problems.push({ source: named.flavour, path: '', message: `must be one of ${FLAVOURS.join(', ')}, got '${inputs.flavour}'` });
  const flavour: Layer[] =
    inputs.flavour === undefined || !flavourKnown ? [] : [{ source: named.flavour, values: { flavour: inputs.flavour }, ansible: false }];
  // A preset named by --profile comes first; one named inside the profile file comes with it.
  const given = [...(isPreset ? [presetLayer(selector)] : []), ...groupVars, ...profileFile, ...flavour];
  const fixing = inventoryPath ? nodePortsForTheLoadBalancer(given) : {};
  if (fixing.problem) problems.push(fixing.problem);
  if (fixing.notice) notices.push(fixing.notice);
  const layers = fixing.layer ? [...given, fixing.layer] : given;
  const overrides = overridesOf(given);
  const profile = collect(() => resolveLayers(layers));
  if (problems.length || !profile) throw new LayeredProfileError(selector, problems, overrides);
  const sources = [
    isPreset ? `preset ${selector}` : selector,
    ...(inputs.inventory ? [`inventory ${inputs.inventory}`] : []),
    ...(inputs.flavour ? [`flavour ${inputs.flavour}`] : []),
  ];
  return { profile, source: sources.join(', '), notices, inventory, overrides };
}

/**
 * The load balancer sends to the profile's NodePorts, so with an inventory they must be fixed:
 * on when no layer says otherwise (one line says so), a problem when a layer turned them off
 * (v0.6.0's example inventory does: its haproxy.cfg then reached nothing).
 */
function nodePortsForTheLoadBalancer(layers: readonly Layer[]): { layer?: Layer; problem?: Problem; notice?: string } {
  const setter = [...layers].reverse().find((l) => sets(l.values, 'nodePorts.fixed'));
  if (!setter)
    return {
      layer: { source: '--inventory', values: { nodePorts: { fixed: true } }, ansible: false },
      notice:
        "nodePorts.fixed is on: no layer sets it, and the inventory's load balancer sends to the profile's NodePorts (nodePorts.*), which Kubernetes keeps only when they are fixed",
    };
  if (valueAt(setter.values, 'nodePorts.fixed') !== false) return {};
  const field = setter.ansible ? ansiblePath('nodePorts.fixed') : 'nodePorts.fixed';
  return {
    problem: {
      source: setter.source,
      path: field,
      message:
        "is false, but the inventory's load balancer (haproxy.cfg) sends to the profile's NodePorts, which Kubernetes would pick at random: set it to true, or synth without --inventory",
    },
  };
}

/** One line for every variable that is not dojot's: a group_vars/all shared with other playbooks is the usual case. */
function skippedLine(names: readonly string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, 4).join(', ');
  return `${unique.length} Ansible variable${unique.length === 1 ? '' : 's'} not of dojot's skipped (${shown}${unique.length > 4 ? ', ...' : ''}): other playbooks' or Ansible's own settings, with no effect on the manifests`;
}

/** Problems of the layers, with what they overrode (printed first: an override may be the cause). */
export class LayeredProfileError extends ProfileError {
  constructor(
    source: string,
    problems: readonly Problem[],
    readonly overrides: readonly LayerOverrides[],
  ) {
    super(source, problems);
  }
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
