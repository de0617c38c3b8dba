import { renderExternalSecrets } from './secrets/external-secrets';
import { renderSecretManifests } from './secrets/secret-manifests';
import { withInventory } from '../profile/inventory';
import { loadInputs } from '../profile/load';
import { ProfileError } from '../profile/problems';
import { SYSTEM_NAMESPACES } from '../profile/validate';
import { type Option, UsageError, errorText, parseArguments, usage } from './arguments';
import type { CommandOutput } from './synth-command';

const OWN: Option[] = [
  { flag: '--namespace', value: 'NS', help: "namespace of the Secrets (default: the profile's)" },
  {
    flag: '--format',
    value: 'F',
    help: 'secret (default: Secrets with random passwords) or external-secret (ExternalSecrets that a secret store fills)',
  },
  { flag: '--store', value: 'NAME', help: 'with --format external-secret: the SecretStore that holds the values' },
  { flag: '--store-kind', value: 'K', help: 'SecretStore (default) or ClusterSecretStore' },
];
const SWITCHES: Option[] = [{ flag: '--device-manager', value: '', help: "also device-manager's Secret (devm-secret)" }];
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
      throw new ProfileError('--namespace', [
        {
          path: '',
          message: `must be a DNS label (lower-case letters, digits and -, at most 63) other than ${SYSTEM_NAMESPACES.join(', ')}, got '${namespace}'`,
        },
      ]);
    }
    const format = (args.own['--format'] as string | undefined) ?? 'secret';
    if (format !== 'secret' && format !== 'external-secret')
      throw new UsageError(`--format must be secret or external-secret, got '${format}'`);
    const store = args.own['--store'] as string | undefined;
    const storeKind = (args.own['--store-kind'] as string | undefined) ?? 'SecretStore';
    if (format === 'external-secret' && (store === undefined || !DNS_LABEL.test(store)))
      throw new UsageError('--format external-secret needs --store NAME, the SecretStore that holds the values (a DNS label)');
    if (storeKind !== 'SecretStore' && storeKind !== 'ClusterSecretStore')
      throw new UsageError(`--store-kind must be SecretStore or ClusterSecretStore, got '${storeKind}'`);
    const loaded = loadInputs(args.inputs);
    for (const n of loaded.notices) io.err(`note: ${n}`);
    const profile = withInventory(loaded.profile, loaded.inventory);
    // The only component a flavour leaves out whose Secret another's workload reads (PostgreSQL's init, optional).
    const also = args.own['--device-manager'] === true ? (['deviceManager'] as const) : [];
    io.out(
      format === 'secret'
        ? renderSecretManifests(profile, { namespace, also, env })
        : renderExternalSecrets(profile, { namespace, also, store: store as string, storeKind }),
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${errorText(e)}\n${SECRETS_USAGE}`);
      return 2;
    }
    io.err(`error: ${errorText(e)}`);
    return 1;
  }
}
