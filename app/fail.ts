import * as fs from 'node:fs';

/**
 * Ends a synth that bad input stopped, with the message and without a stack trace.
 *
 * Run by hand, the app exits 1. Run by `cdk8s synth`, a non-zero exit would make the CLI print
 * its own stack trace after our message; instead the app leaves no output folder and exits 0,
 * and the CLI then fails with its one-line "synthesis failed" and exit code 1. Either way the
 * published dist/ is never touched.
 */
export function failSynth(message: string, target: string): never {
  console.error(`error: ${message}\n${target}/ was left as it was.`);
  const cliOutdir = process.env.CDK8S_OUTDIR;
  if (cliOutdir && runByCdk8sCli()) {
    fs.rmSync(cliOutdir, { recursive: true, force: true });
    process.exit(0);
  }
  process.exit(1);
}

/** The CLI's synth sets this variable for every app it runs (cdk8s-cli's `synthApp`). */
function runByCdk8sCli(): boolean {
  return process.env.CDK8S_RECORD_CONSTRUCT_METADATA !== undefined;
}
