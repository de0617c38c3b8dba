// `npm run -s diff -- --from A --to B [--format markdown]` (`--help` lists the options): what changes between two outputs, every file of them.
import { runDiffCommand } from '../app/diff/diff-command';

runDiffCommand(process.argv.slice(2), process.env, {
  err: (l) => console.error(l),
  out: (l) => process.stdout.write(`${l}\n`),
}).then((status) => {
  process.exitCode = status;
});
