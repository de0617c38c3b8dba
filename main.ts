// Wiring only: the synth command reads its flags (npm run synth) or the environment (npx cdk8s synth).
import { runSynthCommand } from './app/synth-command';

void runSynthCommand(process.argv.slice(2), process.env, { err: (l) => console.error(l), out: (l) => console.log(l) }).then((status) => {
  process.exitCode = status;
});
