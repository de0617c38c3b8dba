import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../profile/problems';

/** Every file of an output, by its path in it (`/`-separated: `0007-vernemq.k8s.yaml`, `production/haproxy.cfg`). */
export type OutputFiles = ReadonlyMap<string, Buffer>;

/** An input of `npm run diff` that cannot be read: one line, naming the flag it came from. */
export class DiffInputError extends Error {}

/** Every file of a folder and its sub-folders, by its path in it. */
export function folderFiles(dir: string): Map<string, Buffer> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f))]));
}

const GIT_BUFFER = 512 * 1024 * 1024;

/**
 * The commit a ref names, checked before anything else reads it: `--end-of-options` keeps a ref
 * that starts with `-` from being read as an option of git's. A DiffInputError naming `flag` when
 * there is no such commit, no repository, or no git.
 */
export function commitOf(flag: string, ref: string, cwd: string): string {
  if (ref === '') throw new DiffInputError(`${flag}: git: needs a revision after it (git:HEAD, git:main, git:<commit>)`);
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new DiffInputError(`${flag}: git:${printable(ref)} needs git, which is not installed here`);
    if (/not a git repository/i.test(String(err.stderr ?? '')))
      throw new DiffInputError(`${flag}: git:${printable(ref)}: ${printable(cwd)} is not inside a git repository`);
    throw new DiffInputError(
      `${flag}: '${printable(ref)}' is not a git commit (git rev-parse --verify finds no commit of that name in this repository)`,
    );
  }
}

/**
 * Every file of `dist/` committed at `commit` (of the repository around `cwd`, `dist/` beside
 * it), read in one `git cat-file --batch`. A DiffInputError when that commit has no `dist/`.
 */
export function committedFiles(flag: string, ref: string, commit: string, cwd: string): Map<string, Buffer> {
  const git = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd, input, maxBuffer: GIT_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
  // Paths relative to cwd (ls-tree's default), blobs by their id: the package may be a folder of a larger repository.
  const entries = git(['ls-tree', '-r', '-z', commit, '--', 'dist/'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t');
      const [, type, id] = meta.split(' ');
      return { type, id, file };
    })
    .filter((e) => e.type === 'blob' && e.file.startsWith('dist/'));
  if (!entries.length) throw new DiffInputError(`${flag}: git:${printable(ref)} has no dist/ committed`);
  const batch = git(['cat-file', '--batch'], `${entries.map((e) => e.id).join('\n')}\n`);
  const files = new Map<string, Buffer>();
  let at = 0;
  for (const e of entries) {
    const end = batch.indexOf(10, at);
    const [, , size] = batch.subarray(at, end).toString('utf8').split(' ');
    const start = end + 1;
    files.set(e.file.slice('dist/'.length), batch.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
