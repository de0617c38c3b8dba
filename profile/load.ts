import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { ANSIBLE_FIELDS, looksLikeAnsible, translateAnsible } from './ansible';
import { DEFAULTS, fillDerivedDefaults, referenceProfile } from './defaults';
import { isPlainObject, mergeLayer } from './merge';
import { PRESETS } from './presets';
import { type Problem, ProfileError } from './problems';
import type { Profile, ProfileLayer } from './types';
import { validateProfile } from './validate';

export interface LoadedProfile {
  readonly profile: Profile;
  /** Where it came from: a preset name or a file path. */
  readonly source: string;
  /** Things read and deliberately not used (e.g. credentials in an Ansible file). */
  readonly notices: readonly string[];
}

/**
 * Resolves a profile from a preset name (`default`, `100k`) or the path of a YAML file: an
 * Ansible `dojot.yaml` (snake_case `dojot_*` variables) or a layer of profile fields
 * (camelCase). The result is merged over the defaults and validated; any problem throws a
 * ProfileError that lists all of them.
 */
export function loadProfile(selector = 'default'): LoadedProfile {
  if (Object.hasOwn(PRESETS, selector)) return { ...resolveProfile(selector, PRESETS[selector]), notices: [] };
  if (!fs.existsSync(selector) || !fs.statSync(selector).isFile()) {
    throw new ProfileError('DOJOT_PROFILE', [
      { path: 'DOJOT_PROFILE', message: `'${selector}' is neither a preset (${Object.keys(PRESETS).join(', ')}) nor a readable file` },
    ]);
  }
  const doc = YAML.parseDocument(fs.readFileSync(selector, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) {
    throw new ProfileError(selector, doc.errors.map((e) => ({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] })));
  }
  const content: unknown = doc.toJS() ?? {};
  if (!isPlainObject(content)) throw new ProfileError(selector, [{ path: '(top level)', message: 'must be a mapping of keys' }]);
  if (!looksLikeAnsible(content)) {
    // A layer may start from a preset (`preset: 100k`) instead of the defaults.
    const { preset, ...layer } = content;
    if (preset === undefined) return { ...resolveProfile(selector, layer as ProfileLayer), notices: [] };
    if (typeof preset !== 'string' || !Object.hasOwn(PRESETS, preset)) {
      throw new ProfileError(selector, [{ path: 'preset', message: `must be one of ${Object.keys(PRESETS).join(', ')}, got ${JSON.stringify(preset)}` }]);
    }
    return { ...resolveProfile(selector, layer as ProfileLayer, [], PRESETS[preset]), notices: [] };
  }

  const { layer, problems, notices } = translateAnsible(content, referenceProfile() as unknown as Record<string, unknown>);
  try {
    const resolved = resolveProfile(selector, layer, problems);
    return { ...resolved, notices };
  } catch (e) {
    if (e instanceof ProfileError) throw new ProfileError(selector, e.problems.map(withAnsibleName));
    throw e;
  }
}

/** Merges one layer over the defaults (or over `base`, a preset), fills derived defaults, and validates. */
export function resolveProfile(
  source: string,
  layer: ProfileLayer | Record<string, unknown>,
  earlier: Problem[] = [],
  base: ProfileLayer = {},
): { profile: Profile; source: string } {
  const problems = [...earlier];
  const merged = structuredClone(DEFAULTS) as Record<string, unknown>;
  const reference = referenceProfile() as unknown as Record<string, unknown>;
  mergeLayer(merged, base, reference, problems);
  mergeLayer(merged, layer, reference, problems);
  fillDerivedDefaults(merged);
  const profile = merged as unknown as Profile;
  // Wrong keys and types were left out of the merge, so the rest can be validated now and
  // every problem reported in one go.
  problems.push(...validateProfile(profile));
  if (problems.length) throw new ProfileError(source, problems);
  return { profile, source };
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
  return { path: `${best[0]}${rest} (${problem.path})`, message: problem.message };
}
