import type * as YAML from 'yaml';

/**
 * Ansible reads its files (inventories, group_vars, host_vars) with PyYAML's YAML 1.1 resolver
 * (ansible/parsing/yaml/loader.py builds AnsibleLoader on yaml.resolver.Resolver). `yaml`'s own
 * 1.1 schema differs from PyYAML's in a few values, so the plain-scalar tags below are PyYAML's,
 * rule for rule (pyyaml lib/yaml/resolver.py, the implicit resolvers; lib/yaml/constructor.py,
 * SafeConstructor.construct_yaml_*):
 * - booleans: yes/no/true/false/on/off in three cases each; `y` and `n` stay strings
 *   (`yaml`'s 1.1 schema reads them as booleans);
 * - integers: `0b`, a leading `0` is octal (`010` is 8), `0x`, `_` ignored, sexagesimal
 *   `1:20` (80) only when the first digit is not 0; `08` and `0:20` stay strings;
 * - floats need a dot (`1e3` stays a string, `1.0e+3` is a float, its exponent signed);
 * - timestamps: PyYAML builds a date, which Ansible's templates print as the text written
 *   (`2026-12-04`); kept as that text.
 */
export const PYYAML_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
export const PYYAML_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PYYAML_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PYYAML_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** Base-60 digits, most significant first (`1:20` is 80). */
const sexagesimal = (parts: readonly number[]) => parts.reduce((sum, digit) => sum * 60 + digit, 0);

/** construct_yaml_int: sign, then 0b, 0x, a leading 0 (octal), base 60, or decimal. */
export function pyyamlInt(text: string): number {
  let value = text.replace(/_/g, '');
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * Number.parseInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * Number.parseInt(value.slice(2), 16);
  if (value[0] === '0') return sign * Number.parseInt(value, 8);
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map(Number));
  return sign * Number(value);
}

/** construct_yaml_float: `.inf`, `.nan`, base 60, or a decimal float. */
export function pyyamlFloat(text: string): number {
  let value = text.replace(/_/g, '').toLowerCase();
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (value === '.nan') return Number.NaN;
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map(Number));
  return sign * Number(value);
}

/** A value Ansible Vault encrypted (`!vault |`): never decrypted here. */
export class VaultValue {
  toString(): string {
    return '(encrypted with Ansible Vault)';
  }
}

const scalarTag = (tag: string, test: RegExp, resolve: (s: string) => unknown): YAML.ScalarTag => ({
  tag,
  default: true,
  test,
  resolve,
});

/** PyYAML's implicit scalars, then Ansible's own tags (ansible/parsing/yaml/constructor.py). */
const ANSIBLE_TAGS: YAML.ScalarTag[] = [
  scalarTag('tag:yaml.org,2002:bool', PYYAML_BOOL, (s) => /^(?:yes|true|on)$/i.test(s)),
  scalarTag('tag:yaml.org,2002:int', PYYAML_INT, pyyamlInt),
  scalarTag('tag:yaml.org,2002:float', PYYAML_FLOAT, pyyamlFloat),
  scalarTag('tag:yaml.org,2002:timestamp', PYYAML_TIMESTAMP, (s) => s),
  // `!unsafe` marks a string Ansible must not template; `!vault` an encrypted one.
  { tag: '!unsafe', resolve: (s: string) => s },
  { tag: '!vault', resolve: () => new VaultValue() },
  { tag: '!vault-encrypted', resolve: () => new VaultValue() },
];

/** The scalar tags of `yaml`'s 1.1 schema that PyYAML's rules above replace. */
const REPLACED = new Set(['tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:timestamp']);

/** Options for `yaml`'s parser that read a document as Ansible does. */
export const ANSIBLE_YAML: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  merge: true,
  customTags: (tags) => [...tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag)), ...ANSIBLE_TAGS],
};
