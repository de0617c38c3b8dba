import * as path from 'node:path';
import type { ProfileInputs } from './load';
import { isPlainObject } from './merge';
import { PRESETS } from './presets';
import { type Problem, ProfileError, unknownKey } from './problems';
import { DNS_LABEL } from './validate';
import { readYamlFile } from './yaml-file';

/** One environment of an environments file: its name (its folder in dist/) and its inputs. */
export interface Environment {
  readonly name: string;
  /** As --profile, --inventory and --flavour; paths resolved against the file's folder. */
  readonly inputs: ProfileInputs;
}

const ENTRY_KEYS = ['profile', 'inventory', 'flavour'] as const;

/**
 * Folders that dist/ itself has (interfaces.md, Output layout): an environment by that name
 * would mix its output with them.
 */
export const RESERVED_ENVIRONMENT_NAMES = ['argocd', 'monitoring', 'helm'] as const;

/**
 * Reads an environments file (`../shared/docs/interfaces.md`, Environments file):
 * `environments: { <name>: { profile, inventory?, flavour? } }`. Every problem of the file is
 * reported at once; the profiles themselves are read later, one environment at a time.
 */
export function readEnvironments(file: string): Environment[] {
  const content = readYamlFile(file, '--environments');
  const dir = path.dirname(file);
  const problems: Problem[] = [];
  if (!isPlainObject(content))
    throw new ProfileError(file, [{ path: '(top level)', message: 'must be a mapping with one key, environments' }]);
  for (const key of Object.keys(content))
    if (key !== 'environments') problems.push({ path: key, message: unknownKey(key, ['environments'], 'an environments file') });
  const environments = content.environments;
  if (!isPlainObject(environments) || Object.keys(environments).length === 0) {
    problems.push({
      path: 'environments',
      message: 'must map each environment name to its settings (profile, and optionally inventory and flavour)',
    });
    throw new ProfileError(file, problems);
  }
  const result: Environment[] = [];
  for (const [name, entry] of Object.entries(environments)) {
    const at = `environments.${name}`;
    if (!DNS_LABEL.test(name) || name.length > 63)
      problems.push({ path: at, message: 'an environment name must be a DNS label (lower-case letters, digits and -, at most 63)' });
    else if ((RESERVED_ENVIRONMENT_NAMES as readonly string[]).includes(name))
      problems.push({ path: at, message: `is a folder dist/ already has; name it anything but ${RESERVED_ENVIRONMENT_NAMES.join(', ')}` });
    if (!isPlainObject(entry)) {
      problems.push({ path: at, message: `must be a mapping with ${ENTRY_KEYS.join(', ')}` });
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!(ENTRY_KEYS as readonly string[]).includes(key))
        problems.push({ path: `${at}.${key}`, message: unknownKey(key, ENTRY_KEYS, 'an environment (profile, inventory, flavour)') });
      else if (typeof entry[key] !== 'string' || entry[key] === '')
        problems.push({ path: `${at}.${key}`, message: `must be a non-empty string, got ${JSON.stringify(entry[key])}` });
    }
    const value = (key: (typeof ENTRY_KEYS)[number]) =>
      typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined;
    const profile = value('profile');
    const inventory = value('inventory');
    const inDir = (f: string) => (path.isAbsolute(f) ? f : path.join(dir, f));
    result.push({
      name,
      inputs: {
        // A preset keeps its name; a file is relative to the environments file.
        profile: profile === undefined || Object.hasOwn(PRESETS, profile) ? profile : inDir(profile),
        inventory: inventory === undefined ? undefined : inDir(inventory),
        flavour: value('flavour'),
      },
    });
  }
  if (problems.length) throw new ProfileError(file, problems);
  return result;
}
