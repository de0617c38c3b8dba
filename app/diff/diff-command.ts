import { FLAVOURS } from '../../profile/types';
import { type Option, UsageError, errorText, parseArguments, usage } from '../arguments';
import type { CommandOutput } from '../synth-command';
import { outputObjects } from './diff-sources';
import { diffOutputs } from './object-diff';
import { renderMarkdown, renderText } from './render-diff';

const OWN: Option[] = [
  {
    flag: '--from',
    value: 'A',
    help: 'the output before: a preset, a profile file, an Ansible inventory directory, an environments file, an output folder (npm run synth -- --out DIR), or git:<ref> (the committed dist/)',
  },
  { flag: '--to', value: 'B', help: 'the output after, as --from' },
  { flag: '--format', value: 'F', help: 'text (default) or markdown (for a pull request)' },
];
export const DIFF_USAGE = usage('npm run -s diff --', OWN);

/**
 * `npm run diff -- --from A --to B`: what changes between two outputs, per object and field, and
 * which changes `kubectl apply` cannot make in place. Exit 0 when identical, 1 when they differ
 * (as diff(1)), 2 on bad usage or input.
 */
export function diffCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput): number {
  try {
    const args = parseArguments(argv, env, OWN);
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
    const changes = diffOutputs(outputObjects(from, flavour), outputObjects(to, flavour));
    for (const line of format === 'markdown' ? renderMarkdown(changes) : renderText(changes)) io.out(line);
    return changes.length ? 1 : 0;
  } catch (e) {
    io.err(e instanceof UsageError ? `error: ${errorText(e)}\n${DIFF_USAGE}` : `error: ${errorText(e)}`);
    return 2;
  }
}
