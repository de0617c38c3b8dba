// `npm run -s diff -- --from A --to B [--format markdown]`: what changes between two outputs.
import { diffCommand } from '../app/diff/diff-command';

process.exitCode = diffCommand(process.argv.slice(2), process.env, {
  err: (l) => console.error(l),
  out: (l) => process.stdout.write(`${l}\n`),
});
