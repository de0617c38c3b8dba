// Wiring only: npm run rehearse (rehearsal/rehearse-command.ts).
import { rehearseCommand } from '../rehearsal/rehearse-command';

void rehearseCommand(process.argv.slice(2), process.env, { err: (l) => console.error(l), out: (l) => console.log(l) }).then((status) => {
  process.exitCode = status;
});
