// `npm run synth -- --profile <preset|dojot.yaml|profile.yaml> [--inventory hosts.yaml]`:
// the same as `DOJOT_PROFILE=... DOJOT_INVENTORY=... npx cdk8s synth`, without the CLI's
// upgrade check (which needs the internet).
import { spawnSync } from 'node:child_process';

const USAGE = 'usage: npm run synth -- [--profile default|100k|path/to/dojot.yaml] [--inventory path/to/hosts.yaml]';
const OPTIONS = { '--profile': 'DOJOT_PROFILE', '--inventory': 'DOJOT_INVENTORY' };

const env = { ...process.env };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s);
  const variable = OPTIONS[flag];
  const value = inline ?? args[i + 1];
  if (!variable || !value) {
    console.error(`error: ${variable ? `${flag} needs a value` : `unknown option '${flag}'`}\n${USAGE}`);
    process.exit(2);
  }
  if (inline === undefined) i++;
  env[variable] = value;
}

const cli = spawnSync('npx', ['--no-install', 'cdk8s', 'synth', '--no-check-upgrade'], { env, stdio: 'inherit' });
process.exit(cli.status ?? 1);
