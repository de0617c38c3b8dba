import { renderSecretManifests } from '../lib/secret-manifests';
import { withInventory } from '../profile/inventory';
import { loadInputs } from '../profile/load';
import { ProfileError } from '../profile/problems';
import { SYSTEM_NAMESPACES } from '../profile/validate';
import { type Option, UsageError, parseArguments, usage } from './arguments';
import type { CommandOutput } from './synth-command';

const OWN: Option[] = [{ flag: '--namespace', value: 'NS', help: 'namespace of the Secrets (default: the profile\'s)' }];
const SWITCHES: Option[] = [{ flag: '--device-manager', value: '', help: 'also device-manager\'s Secret (devm-secret)' }];
export const SECRETS_USAGE = usage('npm run -s secrets --', OWN, SWITCHES);

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * `npm run secrets`: prints the Secrets the workloads read, with random passwords, for
 * `kubectl apply -f -` (or a sealing tool). Nothing is written to disk. Returns the exit status.
 */
export function secretsCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput): number {
  try {
    const args = parseArguments(argv, env, OWN, ['--device-manager']);
    if (args.help) {
      io.out(SECRETS_USAGE);
      return 0;
    }
    const namespace = args.own['--namespace'] as string | undefined;
    if (namespace !== undefined && (!DNS_LABEL.test(namespace) || SYSTEM_NAMESPACES.includes(namespace))) {
      throw new ProfileError('--namespace', [{ path: '', message: `must be a DNS label (lower-case letters, digits and -, at most 63) other than ${SYSTEM_NAMESPACES.join(', ')}, got '${namespace}'` }]);
    }
    const loaded = loadInputs(args.inputs);
    for (const n of loaded.notices) io.err(`note: ${n}`);
    const profile = withInventory(loaded.profile, loaded.inventory);
    io.out(renderSecretManifests(profile, { namespace, deviceManager: args.own['--device-manager'] === true, env }));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n${SECRETS_USAGE}`);
      return 2;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
