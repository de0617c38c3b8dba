import { createHash } from 'node:crypto';
import { printable } from '../../profile/problems';
import { environmentOfFile, isManifest, manifestObjects, yamlDocuments } from './diff-sources';
import { unifiedDiff } from './line-diff';
import { type ObjectChange, diffOutputs } from './object-diff';
import { DiffInputError, type OutputFiles } from './output-files';
import { type FieldChange, diffValues } from './value-diff';

/** How a file other than a manifest is compared. */
export type FileKind = 'data' | 'text' | 'picture' | 'binary';

/** A file of the output other than a manifest, added, removed or changed. */
export interface FileChange {
  /** Its path in the output (`haproxy.cfg`, `production/helm/kube-prometheus-stack.values.json`). */
  readonly file: string;
  readonly type: 'added' | 'removed' | 'changed';
  readonly kind: FileKind;
  /** A values file's changes, key by key (as an object's fields). @default none */
  readonly fields?: readonly FieldChange[];
  /** A text file's unified diff. @default none */
  readonly lines?: readonly string[];
}

/** What changes between two outputs: the objects of their manifests, and every other file. */
export interface OutputDiff {
  readonly objects: readonly ObjectChange[];
  readonly files: readonly FileChange[];
}

/** A values file (Helm's, or any JSON or YAML that is not a manifest): compared as data. */
const isData = (file: string) => /\.(json|ya?ml)$/i.test(file) && !isManifest(file);

/** A text that is not UTF-8, or has a NUL byte, is not shown line by line. */
function isBinary(content: Buffer): boolean {
  if (content.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return false;
  } catch {
    return true;
  }
}

function kindOfFile(file: string, contents: readonly Buffer[]): FileKind {
  if (/\.svg$/i.test(file)) return 'picture';
  if (contents.some(isBinary)) return 'binary';
  return isData(file) ? 'data' : 'text';
}

/** A values file's data: JSON, or YAML (one document, or the list of its documents). */
function dataOf(file: string, content: Buffer, side: string): unknown {
  const text = content.toString('utf8');
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new DiffInputError(`${side}: ${file} is not JSON: ${printable(e instanceof Error ? e.message : String(e))}`);
    }
  }
  const documents = yamlDocuments(text, `${side}: ${file}`);
  return documents.length === 1 ? documents[0] : documents;
}

/**
 * Manifests of the same environment with the same bytes on both sides (a chart whose index in
 * its file name moved included) hold the same objects: they are left out of the comparison
 * without being parsed. The rest are parsed and compared object by object.
 */
function changedManifests(from: OutputFiles, to: OutputFiles): [Map<string, Buffer>, Map<string, Buffer>] {
  const keyOf = (file: string, content: Buffer) =>
    `${environmentOfFile(file) ?? ''}\0${createHash('sha256').update(content).digest('hex')}`;
  const unmatched = new Map<string, number>();
  const manifests = (files: OutputFiles) => [...files].filter(([f]) => isManifest(f));
  for (const [f, c] of manifests(from)) unmatched.set(keyOf(f, c), (unmatched.get(keyOf(f, c)) ?? 0) + 1);
  const restTo = new Map<string, Buffer>();
  const matched = new Map<string, number>();
  for (const [f, c] of manifests(to)) {
    const key = keyOf(f, c);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) {
      unmatched.set(key, left - 1);
      matched.set(key, (matched.get(key) ?? 0) + 1);
    } else restTo.set(f, c);
  }
  const restFrom = new Map<string, Buffer>();
  for (const [f, c] of manifests(from)) {
    const key = keyOf(f, c);
    const taken = matched.get(key) ?? 0;
    if (taken > 0) matched.set(key, taken - 1);
    else restFrom.set(f, c);
  }
  return [restFrom, restTo];
}

/**
 * What changes from one output's files to another's: the manifests object by object and field
 * by field (diffOutputs); the values files (JSON, YAML) key by key; every other text line by line
 * (a unified diff); the picture as one line; a file only one side has as one line.
 */
export function diffOutputFiles(from: OutputFiles, to: OutputFiles, sides: readonly [string, string] = ['--from', '--to']): OutputDiff {
  const [manifestsFrom, manifestsTo] = changedManifests(from, to);
  const objects = diffOutputs(manifestObjects(manifestsFrom, sides[0]), manifestObjects(manifestsTo, sides[1]));
  const names = [...new Set([...from.keys(), ...to.keys()])].filter((f) => !isManifest(f)).sort();
  const files: FileChange[] = [];
  for (const file of names) {
    const before = from.get(file);
    const after = to.get(file);
    if (before && after && before.equals(after)) continue;
    const kind = kindOfFile(
      file,
      [before, after].filter((c): c is Buffer => c !== undefined),
    );
    if (!before || !after) {
      files.push({ file, type: before ? 'removed' : 'added', kind });
      continue;
    }
    if (kind === 'data') {
      const fields = diffValues(dataOf(file, before, sides[0]), dataOf(file, after, sides[1]));
      // The same data, written otherwise (its keys in another order, its spacing), is no change: as for a manifest.
      if (fields.length) files.push({ file, type: 'changed', kind, fields });
    } else if (kind === 'text') {
      files.push({ file, type: 'changed', kind, lines: unifiedDiff(before.toString('utf8'), after.toString('utf8')) });
    } else files.push({ file, type: 'changed', kind });
  }
  return { objects, files };
}
