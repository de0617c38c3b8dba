import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PublishError, publish } from '../../app/publish';
import { synthCommand } from '../../app/synth-command';
import { readDir } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

/** The synth command over the output folder `dist`, its lines and exit status. */
function synthInto(dist: string, argv: string[] = ['--profile', 'default']) {
  const lines: string[] = [];
  const status = synthCommand(
    argv,
    { DOJOT_DIST: dist, CDK8S_OUTDIR: tempDir('dojot-out-') },
    { err: (l) => lines.push(l), out: (l) => lines.push(l) },
  );
  return { status, lines };
}

describe('publishing dist/', () => {
  it('keeps a dist/ that is a symbolic link one: the folder it points to gets the new output', () => {
    const checkout = path.join(tempDir('dojot-gitops-'), 'dist');
    fs.mkdirSync(checkout);
    fs.writeFileSync(path.join(checkout, 'stale.k8s.yaml'), 'kind: Stale\n');
    const link = path.join(tempDir('dojot-work-'), 'dist');
    fs.symlinkSync(checkout, link);
    const r = synthInto(link);
    expect(r.status, r.lines.join('\n')).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.realpathSync(link)).toBe(fs.realpathSync(checkout));
    const files = Object.keys(readDir(checkout));
    expect(files).toContain('0000-namespace.k8s.yaml');
    expect(files).not.toContain('stale.k8s.yaml');
    // Nothing left beside it.
    expect(fs.readdirSync(path.dirname(checkout))).toEqual(['dist']);
  });

  it('refuses an output folder whose parent does not exist, and says nothing was written', () => {
    const dist = path.join(tempDir('dojot-work-'), 'missing', 'dist');
    const r = synthInto(dist);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      `error: the output folder ${dist}/ cannot be written: its parent folder ${path.dirname(dist)}/ does not exist`,
      `${dist}/ was not written.`,
    ]);
    expect(fs.existsSync(path.dirname(dist))).toBe(false);
  });
});

describe('a publish that fails', () => {
  it('says dist/ was left as it was when the new output cannot be written beside it, and leaves it so', () => {
    const dist = path.join(tempDir('dojot-work-'), 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'previous.k8s.yaml'), 'kind: Previous\n');
    const missingStaging = path.join(tempDir('dojot-out-'), 'never-written');
    let error: unknown;
    try {
      publish(missingStaging, dist);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toMatch(/^the new output could not be written beside .*\/dist\/ \(ENOENT\)$/);
    expect((error as PublishError).state).toBe(`${dist}/ was left as it was.`);
    expect(readDir(dist)).toEqual({ 'previous.k8s.yaml': 'kind: Previous\n' });
    expect(fs.readdirSync(path.dirname(dist))).toEqual(['dist']);
  });
});
