import * as fs from 'node:fs';

/**
 * Replaces `target` with a copy of `staging` in two renames, so that readers see either the
 * previous output or the new one, never a mix, and a failed synth never touches `target`.
 */
export function publish(staging: string, target: string): void {
  const next = `${target}.next`;
  const previous = `${target}.prev`;
  fs.rmSync(next, { recursive: true, force: true });
  fs.rmSync(previous, { recursive: true, force: true });
  fs.cpSync(staging, next, { recursive: true });
  if (fs.existsSync(target)) fs.renameSync(target, previous);
  fs.renameSync(next, target);
  fs.rmSync(previous, { recursive: true, force: true });
}
