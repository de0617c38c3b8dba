import { ProfileError, printable } from '../profile/problems';
import type { ProfileInputs } from '../profile/load';
import { FLAVOURS } from '../profile/types';

/** A command line that cannot be understood: exit status 2, with the usage. */
export class UsageError extends Error {}

/**
 * An error's text for the user, one line per problem whatever the input held: a ProfileError's
 * problems are each escaped already (profile/problems.ts), any other message is escaped whole.
 */
export function errorText(e: unknown): string {
  if (e instanceof ProfileError) return e.message;
  return printable(e instanceof Error ? e.message : String(e));
}

/** A flag, the environment variable it overrides (for `npx cdk8s synth`), and its meaning. */
export interface Option {
  readonly flag: string;
  readonly env?: string;
  readonly value: string;
  readonly help: string;
}

/** The inputs every command shares (`../shared/docs/interfaces.md`); a flag wins over its variable. */
export const INPUT_OPTIONS: readonly Option[] = [
  {
    flag: '--profile',
    env: 'DOJOT_PROFILE',
    value: 'P',
    help: 'a preset (default, 100k), a profile file (camelCase, may say preset:), or an Ansible dojot.yaml',
  },
  {
    flag: '--inventory',
    env: 'DOJOT_INVENTORY',
    value: 'I',
    help: "an Ansible inventory: a directory or a hosts file, read as Ansible reads it for deploy.yaml's host (dojot-k8s[0])",
  },
  { flag: '--flavour', env: 'DOJOT_FLAVOUR', value: 'F', help: `which services to deploy (the original's --tags): ${FLAVOURS.join(', ')}` },
];

export interface ParsedArguments {
  readonly inputs: ProfileInputs;
  /** Values of the command's own options, by flag. */
  readonly own: Readonly<Record<string, string | true>>;
  readonly help: boolean;
}

/**
 * Parses `--flag value`, `--flag=value` and switches. Options: the shared inputs and the
 * command's own (`switches` take no value). Unknown flags and missing values are UsageErrors.
 */
export function parseArguments(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  own: readonly Option[] = [],
  switches: readonly string[] = [],
): ParsedArguments {
  const values: Record<string, string | true> = {};
  const known = [...INPUT_OPTIONS, ...own];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--help' || flag === '-h') {
      help = true;
      continue;
    }
    if (switches.includes(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      values[flag] = true;
      continue;
    }
    if (!known.some((o) => o.flag === flag)) throw new UsageError(`unknown option '${argv[i]}'`);
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value`);
    if (inline === undefined) i++;
    values[flag] = value;
  }
  const pick = (o: Option) =>
    typeof values[o.flag] === 'string' ? (values[o.flag] as string) : o.env && env[o.env] ? env[o.env] : undefined;
  // The name the user used: the flag, or the variable when the value came from it.
  const nameOf = (o: Option) => (typeof values[o.flag] === 'string' || !o.env ? o.flag : o.env);
  const [profile, inventory, flavour] = INPUT_OPTIONS.map(pick);
  const [profileName, inventoryName, flavourName] = INPUT_OPTIONS.map(nameOf);
  return {
    inputs: { profile, inventory, flavour, named: { profile: profileName, inventory: inventoryName, flavour: flavourName } },
    own: values,
    help,
  };
}

/** The usage text: the command line, then one line per option. */
export function usage(command: string, own: readonly Option[] = [], switches: readonly Option[] = []): string {
  const lines = [...INPUT_OPTIONS, ...own, ...switches].map((o) => {
    const left = `  ${o.flag}${o.value ? ` ${o.value}` : ''}`;
    return `${left.padEnd(22)}${o.help}${o.env ? ` (or ${o.env})` : ''}`;
  });
  return [`usage: ${command} [options]`, ...lines, `  ${'--help'.padEnd(20)}this text`].join('\n');
}
