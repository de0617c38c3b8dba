import * as path from 'node:path';
import { FLAVOURS } from '../../profile/types';
import { type Option, UsageError, errorText, parseArguments } from '../arguments';
import type { CommandOutput } from '../synth-command';
import { type Layout, loadLayout } from '../topology/graphviz';
import { TOPOLOGY_FILE } from '../topology/picture';
import { type ReadOptions, type SideOutput, kindOf, readOutput } from './diff-sources';
import { diffOutputFiles } from './file-diff';
import type { OutputFiles } from './output-files';
import { renderMarkdown, renderText } from './render-diff';

const OWN: Option[] = [
  {
    flag: '--from',
    value: 'A',
    help: 'the output before: a preset, a profile file, an Ansible inventory (a directory or a hosts file), an environments file, an output folder DIR (dist, or npm run synth -- --out DIR), or git:<ref> (the dist/ committed at that revision)',
  },
  { flag: '--to', value: 'B', help: 'the output after, as --from' },
  { flag: '--format', value: 'F', help: 'text (default) or markdown (for a pull request)' },
];

/** The shared inputs, as the diff reads them: once for both sides. */
const SHARED: Option[] = [
  { flag: '--profile', value: 'P', help: 'the profile over both sides, when both are inventories (refused otherwise)' },
  {
    flag: '--inventory',
    value: 'I',
    help: "the inventory under both sides, when both are presets or profile files: their load balancer's files are compared too (refused otherwise)",
  },
  {
    flag: '--flavour',
    value: 'F',
    help: `the flavour of both sides (${FLAVOURS.join(', ')}), when both are synthesized here (refused for DIR, git:<ref> and an environments file)`,
  },
];

const line = (o: Option) => `${`  ${o.flag}${o.value ? ` ${o.value}` : ''}`.padEnd(22)}${o.help}`;

export const DIFF_USAGE = [
  'usage: npm run -s diff -- --from A --to B [options]',
  ...OWN.map(line),
  ...SHARED.map(line),
  `  ${'--help'.padEnd(20)}this text`,
  'Compares every file synth writes (each environment of an environments output too): the manifests object',
  'by object and field by field, lists of named things (env, containers, ports, volumes...) by name; the',
  "values files (JSON, YAML) key by key; haproxy.cfg, nginx's configuration, the sysctl file and the host",
  'script line by line (a unified diff), as any text in an object (a ConfigMap script); topology.svg in one',
  'line. A side that is not DIR or git:<ref> is synthesized as npm run synth would. DOJOT_PROFILE, DOJOT_INVENTORY',
  'and DOJOT_FLAVOUR are not read. Exit status: 0 identical, 1 different, 2 bad usage or input.',
].join('\n');

/** What the command is given besides its command line: the layout of the picture, where git:<ref> is read. */
export type DiffOptions = ReadOptions;

/**
 * `npm run diff -- --from A --to B`: what changes between two outputs, every file of them, and
 * which changes `kubectl apply` cannot make in place. Exit 0 when identical, 1 when they differ
 * (as diff(1)), 2 on bad usage or input (one line, or the usage after a usage error).
 */
export function diffCommand(argv: readonly string[], _env: NodeJS.ProcessEnv, io: CommandOutput, options: DiffOptions = {}): number {
  try {
    // The DOJOT_* variables are not read: a shell's DOJOT_PROFILE would otherwise change both sides unseen.
    const args = parseArguments(argv, {}, OWN);
    if (args.help) {
      io.out(DIFF_USAGE);
      return 0;
    }
    const from = args.own['--from'];
    const to = args.own['--to'];
    if (typeof from !== 'string' || typeof to !== 'string') throw new UsageError('--from and --to are both needed');
    const format = (args.own['--format'] as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'markdown') throw new UsageError(`--format must be text or markdown, got '${format}'`);
    const flavour = args.inputs.flavour;
    if (flavour && !(FLAVOURS as readonly string[]).includes(flavour))
      throw new UsageError(`--flavour must be one of ${FLAVOURS.join(', ')}`);
    const before = readOutput('--from', from, args.inputs, options);
    const after = readOutput('--to', to, args.inputs, options);
    const [a, b] = comparablePictures(before, after, io);
    const { objects, files } = diffOutputFiles(a, b);
    for (const l of format === 'markdown' ? renderMarkdown(objects, files) : renderText(objects, files)) io.out(l);
    return objects.length || files.length ? 1 : 0;
  } catch (e) {
    io.err(e instanceof UsageError ? `error: ${errorText(e)}\n${DIFF_USAGE}` : `error: ${errorText(e)}`);
    return 2;
  }
}

const isPicture = (file: string) => path.posix.basename(file) === TOPOLOGY_FILE;

/**
 * Both sides' files, without the picture when a side was synthesized without drawing it (no
 * layout): that it is missing there says nothing of the change. Said on standard error.
 */
function comparablePictures(before: SideOutput, after: SideOutput, io: CommandOutput): [OutputFiles, OutputFiles] {
  if (!before.undrawn && !after.undrawn) return [before.files, after.files];
  const drop = (files: OutputFiles) => new Map([...files].filter(([f]) => !isPicture(f)));
  const other = before.undrawn ? after : before;
  if ([...other.files.keys()].some(isPicture))
    io.err(`note: ${TOPOLOGY_FILE} is not compared: ${before.undrawn ? '--from' : '--to'} was synthesized without drawing it`);
  return [drop(before.files), drop(after.files)];
}

/** Whether a side of this command line is synthesized (and so has a picture to draw). */
function synthesizesASide(argv: readonly string[]): boolean {
  try {
    const args = parseArguments(argv, {}, OWN);
    if (args.help) return false;
    return [args.own['--from'], args.own['--to']].some((s) => typeof s === 'string' && !['git', 'output folder'].includes(kindOf(s)));
  } catch {
    return false;
  }
}

/**
 * The diff command as `npm run diff` runs it: a synthesized side gets its picture, as `npm run
 * synth` draws it, once Graphviz has loaded (asynchronously); without it, the picture is not
 * compared. Never rejects.
 */
export async function runDiffCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput): Promise<number> {
  let layout: Layout | undefined;
  if (synthesizesASide(argv)) {
    try {
      layout = await loadLayout();
    } catch (e) {
      io.err(`note: Graphviz (@hpcc-js/wasm-graphviz) did not load (${errorText(e)}): the sides synthesized here have no ${TOPOLOGY_FILE}`);
    }
  }
  return diffCommand(argv, env, io, { layout });
}
