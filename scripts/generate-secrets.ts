// `npm run secrets -- [--profile default|100k|dojot.yaml] [--namespace ns] [--device-manager]`
// prints the Secrets the workloads read, with random passwords, for `kubectl apply -f -`
// (or a sealing tool). Nothing is written to disk.
import { renderSecretManifests } from '../lib/secret-manifests';
import { loadProfile } from '../profile/load';
import { ProfileError } from '../profile/problems';

const USAGE = 'usage: npm run secrets -- [--profile default|100k|path/to/dojot.yaml] [--namespace <namespace>] [--device-manager]';

function parse(argv: string[]): { profile: string; namespace?: string; deviceManager: boolean } {
  const out: { profile: string; namespace?: string; deviceManager: boolean } = { profile: process.env.DOJOT_PROFILE || 'default', deviceManager: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--device-manager') {
      out.deviceManager = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if ((flag !== '--profile' && flag !== '--namespace') || !value) throw new Error(`${flag === '--profile' || flag === '--namespace' ? `${flag} needs a value` : `unknown option '${flag}'`}\n${USAGE}`);
    if (inline === undefined) i++;
    if (flag === '--profile') out.profile = value;
    else out.namespace = value;
  }
  return out;
}

try {
  const args = parse(process.argv.slice(2));
  const { profile, notices } = loadProfile(args.profile);
  for (const n of notices) console.error(`note: ${n}`);
  process.stdout.write(renderSecretManifests(profile, { namespace: args.namespace, deviceManager: args.deviceManager }));
} catch (e) {
  if (!(e instanceof Error) || (!(e instanceof ProfileError) && e.constructor !== Error)) throw e;
  console.error(`error: ${e.message}`);
  process.exit(1);
}
