import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { overrideLines } from '../profile/layer-overrides';
import { LayeredProfileError } from '../profile/load';
import { ProfileError, printable } from '../profile/problems';
import { loadSettings } from './settings';
import { type Option, UsageError, errorText, parseArguments, usage } from './arguments';
import { loadEnvironments, synthesizeEnvironments } from './environments';
import { PublishError, publish } from './publish';
import { summarize } from './summary';
import { type Layout, loadLayout } from './topology/graphviz';
import { TOPOLOGY_FILE } from './topology/picture';
import { synthesize } from './synthesize';

const ENVIRONMENTS_OPTION: Option = {
  flag: '--environments',
  env: 'DOJOT_ENVIRONMENTS',
  value: 'E',
  help: 'an environments file: each environment (name: profile, inventory, flavour) into dist/<name>/; excludes the three above',
};

const OUT_OPTION: Option = {
  flag: '--out',
  env: 'DOJOT_DIST',
  value: 'DIR',
  help: 'the output folder, in place of dist/',
};

const TOPOLOGY_SWITCH: Option = {
  flag: '--topology',
  env: 'DOJOT_TOPOLOGY=1',
  value: '',
  help: `also draw ${TOPOLOGY_FILE} (npm run synth always does; the cdk8s app does not, to stay quick)`,
};

const EXPLAIN_SWITCH: Option = {
  flag: '--explain',
  env: '',
  value: '',
  help: 'list every field a layer overrides of the layers before it (an inventory over a preset, a profile over an inventory)',
};

export const SYNTH_USAGE = usage('npm run synth --', [ENVIRONMENTS_OPTION, OUT_OPTION], [TOPOLOGY_SWITCH, EXPLAIN_SWITCH]);

/** Whether the command line (or DOJOT_TOPOLOGY=1) asks for the picture. */
const wantsTopology = (argv: readonly string[], env: NodeJS.ProcessEnv) =>
  argv.includes(TOPOLOGY_SWITCH.flag) || env.DOJOT_TOPOLOGY === '1';

/**
 * The synth command as the app runs it: Graphviz loads first when the picture is asked for
 * (its loading is asynchronous; the synth itself is not). Never rejects.
 */
export async function runSynthCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput): Promise<number> {
  let layout: Layout | undefined;
  if (wantsTopology(argv, env)) {
    try {
      layout = await loadLayout();
    } catch (e) {
      io.err(
        `error: Graphviz (@hpcc-js/wasm-graphviz) did not load, so ${TOPOLOGY_FILE} cannot be drawn: ${e instanceof Error ? e.message : String(e)}; run without --topology (npx cdk8s synth) to synthesize without it`,
      );
      return 1;
    }
  }
  return synthCommand(argv, env, io, layout);
}

/** Where the command writes its messages (standard error) and its help (standard output). */
export interface CommandOutput {
  readonly err: (line: string) => void;
  readonly out: (line: string) => void;
}

/**
 * The synth command, for `npm run synth -- ...` and for `npx cdk8s synth` (which passes the
 * inputs as environment variables and its output folder as CDK8S_OUTDIR). Returns the exit
 * status; never throws. dist/ is replaced only when everything succeeded.
 */
export function synthCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput, layout?: Layout): number {
  let target = env.DOJOT_DIST || 'dist';
  const staging = env.CDK8S_OUTDIR || '.cdk8s.out';
  // cdk8s-cli sets this for every app it runs (its `synthApp`).
  const underCdk8sCli = env.CDK8S_RECORD_CONSTRUCT_METADATA !== undefined;
  let published = false;
  let explain = false;
  /** `kept`: dist/ as it was; false: emptied (by cdk8s-cli); a sentence: what it holds now. */
  const failed = (lines: string[], kept: boolean | string = true): number => {
    for (const l of lines) io.err(l);
    io.err(
      typeof kept === 'string'
        ? kept
        : kept
          ? `${target}/ was left as it was.`
          : `${target}/ was emptied before the app ran; write it again with npm run synth.`,
    );
    if (!underCdk8sCli) return 1;
    // A non-zero exit would make the CLI print a stack trace after our message; with no output
    // folder it fails with its one line ("app expected to create ...") and exit status 1.
    fs.rmSync(staging, { recursive: true, force: true });
    return 0;
  };

  try {
    const args = parseArguments(argv, env, [ENVIRONMENTS_OPTION, OUT_OPTION], [TOPOLOGY_SWITCH.flag, EXPLAIN_SWITCH.flag]);
    explain = args.own[EXPLAIN_SWITCH.flag] === true;
    if (typeof args.own[OUT_OPTION.flag] === 'string') target = args.own[OUT_OPTION.flag] as string;
    if (wantsTopology(argv, env) && !layout)
      throw new Error('the picture was asked for, but no layout was given (runSynthCommand loads it)');
    if (args.help) {
      io.out(SYNTH_USAGE);
      return 0;
    }
    const parent = path.dirname(path.resolve(target));
    if (!fs.existsSync(parent)) {
      return failed(
        [`error: the output folder ${printable(target)}/ cannot be written: its parent folder ${printable(parent)}/ does not exist`],
        `${printable(target)}/ was not written.`,
      );
    }
    if (path.resolve(staging) === path.resolve(target)) {
      // cdk8s-cli empties its -o folder before it runs the app, and the app publishes dist/ itself.
      return failed(
        [
          `error: the output folder is ${target}/ itself (cdk8s synth -o ${target}): the app writes ${target}/; run npm run synth, or npx cdk8s synth without -o`,
        ],
        !underCdk8sCli,
      );
    }
    const environmentsFile =
      typeof args.own['--environments'] === 'string' ? args.own['--environments'] : env.DOJOT_ENVIRONMENTS || undefined;
    if (environmentsFile !== undefined) {
      const { profile, inventory, flavour } = args.inputs;
      if ([profile, inventory, flavour].some((v) => v !== undefined)) {
        throw new UsageError(
          '--environments excludes --profile, --inventory and --flavour (and DOJOT_PROFILE, DOJOT_INVENTORY, DOJOT_FLAVOUR): each environment names its own',
        );
      }
      const environments = loadEnvironments(environmentsFile);
      const lines = synthesizeEnvironments(environmentsFile, environments, staging, layout, printable(target.replace(/\/+$/, '') || '/'));
      for (const l of lines) io.err(l);
      published = true;
      for (const w of publish(staging, target, underCdk8sCli)) io.err(`warning: ${w}`);
      io.err(
        `dojot: ${environments.length} environments from ${environmentsFile} -> ${environments.map((e) => `${target}/${e.name}/`).join(', ')}`,
      );
      return 0;
    }
    const settings = loadSettings(args.inputs);
    for (const n of overrideLines(settings.overrides, explain)) io.err(`note: ${printable(n)}`);
    for (const n of settings.notices) io.err(`note: ${n}`);
    const { notices, warnings, manifests } = synthesize(settings.profile, staging, {
      loadBalancer: settings.inventory !== undefined,
      layout,
      source: settings.source,
      published: printable(target.replace(/\/+$/, '') || '/'),
    });
    for (const n of notices) io.err(`note: ${n}`);
    for (const w of warnings) io.err(`warning: ${w}`);
    for (const line of summarize(settings.profile, manifests)) io.err(`summary: ${line}`);
    published = true;
    // The last lines repeat what must not be missed among the notes above.
    for (const w of warnings) io.err(`warning: ${w}`);
    for (const w of publish(staging, target, underCdk8sCli)) io.err(`warning: ${w}`);
    io.err(`dojot: ${settings.profile.flavour} flavour, ${settings.source} -> ${target}/`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${errorText(e)}\n${SYNTH_USAGE}`);
      return 2;
    }
    if (e instanceof ProfileError) {
      // What the layers overrode first: it is often why a value is wrong.
      const overrides = e instanceof LayeredProfileError ? overrideLines(e.overrides, explain).map((l) => `note: ${printable(l)}`) : [];
      return failed([...overrides, `error: ${e.message}`]);
    }
    if (e instanceof PublishError) return failed([`error: ${printable(e.message)}`], e.state);
    const report = writeReport(e);
    return failed([`error: unexpected failure (${oneLine(e)}); the full report is in ${report}`], !published || fs.existsSync(target));
  }
}

const oneLine = (e: unknown) => printable((e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]);

/** Writes the stack of an unexpected error to a file of its own, and returns its path. */
function writeReport(e: unknown): string {
  const file = path.join(os.tmpdir(), `dojot-synth-${process.pid}-${Date.now()}.log`);
  const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  fs.writeFileSync(file, `${new Date().toISOString()} node ${process.version}\n${text}\n`);
  return file;
}
