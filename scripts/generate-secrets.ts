// `npm run -s secrets -- [options]` (`--help` lists them): the Secrets the workloads read, with
// random passwords, on standard output.
import { secretsCommand } from '../app/secrets-command';

process.exitCode = secretsCommand(process.argv.slice(2), process.env, {
  err: (l) => console.error(l),
  out: (l) => process.stdout.write(l.endsWith('\n') ? l : `${l}\n`),
});
