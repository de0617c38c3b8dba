import * as fs from 'node:fs';

/**
 * Replaces `target` with `staging`'s output in two renames, so that readers see either the
 * previous output or the new one, never a mix, and a failed synth never touches `target`.
 * `keepStaging`: copy it (cdk8s-cli reads its own output folder after the app); else it is moved,
 * which costs nothing on the same file system.
 */
export function publish(staging: string, target: string, keepStaging = true): void {
  const next = `${target}.next`;
  const previous = `${target}.prev`;
  fs.rmSync(next, { recursive: true, force: true });
  fs.rmSync(previous, { recursive: true, force: true });
  if (keepStaging) fs.cpSync(staging, next, { recursive: true });
  else moveFolder(staging, next);
  if (fs.existsSync(target)) fs.renameSync(target, previous);
  fs.renameSync(next, target);
  fs.rmSync(previous, { recursive: true, force: true });
}

/** A rename, or a copy and a removal across file systems. */
function moveFolder(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
