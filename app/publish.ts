import * as fs from 'node:fs';

/** A publish that failed, with what `target` holds now, in words for the user. */
export class PublishError extends Error {
  constructor(
    message: string,
    /** What the output folder holds after the failure: one sentence. */
    readonly state: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

/**
 * Replaces `target` with `staging`'s output in two renames, so that readers see either the
 * previous output or the new one, never a mix, and a failed synth never touches `target`.
 * `keepStaging`: copy it (cdk8s-cli reads its own output folder after the app); else it is moved,
 * which costs nothing on the same file system.
 *
 * A `target` that is a symbolic link (a GitOps checkout kept elsewhere) stays one: its target
 * folder gets the new output. A failure throws a PublishError that says what `target` holds then;
 * a failure to remove the previous output once the new one is in place is returned as a warning.
 */
export function publish(staging: string, target: string, keepStaging = true): string[] {
  const real = fs.existsSync(target) && fs.lstatSync(target).isSymbolicLink() ? fs.realpathSync(target) : target;
  const next = `${real}.next`;
  const previous = `${real}.prev`;
  fs.rmSync(next, { recursive: true, force: true });
  fs.rmSync(previous, { recursive: true, force: true });
  try {
    if (keepStaging) fs.cpSync(staging, next, { recursive: true });
    else moveFolder(staging, next);
  } catch (e) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new PublishError(`the new output could not be written beside ${target}/ (${reason(e)})`, `${target}/ was left as it was.`);
  }
  const hadOutput = fs.existsSync(real);
  try {
    if (hadOutput) fs.renameSync(real, previous);
  } catch (e) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new PublishError(`the previous output could not be moved aside (${reason(e)})`, `${target}/ was left as it was.`);
  }
  try {
    fs.renameSync(next, real);
  } catch (e) {
    const restored = hadOutput && tryRename(previous, real);
    const state =
      restored || !hadOutput ? `${target}/ was left as it was.` : `${target}/ is missing: its previous output is in ${previous}/.`;
    throw new PublishError(`the new output could not be put in place (${reason(e)}); it is in ${next}/`, state);
  }
  try {
    fs.rmSync(previous, { recursive: true, force: true });
  } catch (e) {
    return [`${target}/ has the new output; the previous one could not be removed (${reason(e)}): delete ${previous}/`];
  }
  return [];
}

function tryRename(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch {
    return false;
  }
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
