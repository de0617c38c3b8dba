import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** The package of Graphviz's `dot` compiled to WebAssembly (no system package), pinned in package.json. */
export const GRAPHVIZ = '@hpcc-js/wasm-graphviz';

/**
 * The package embeds its WebAssembly as text (base91, then zstd) and decodes it in JavaScript on
 * every load: 50 ms of the 65 its load costs. This is the one statement of its version 1.29.2
 * that does; a copy of the package that takes the decoded bytes instead, when given them, is
 * kept in node_modules/.cache with the bytes it decoded once. Another version has no such
 * statement, and loads as it is.
 */
const DECODE = 'Lr??=Ct(ro(to))';

/** Where the copy finds the decoded bytes, and where it leaves those it decoded itself. */
export const GIVEN = '__dojotGraphvizWasm';
export const DECODED = '__dojotGraphvizDecoded';
const HOOKED = `Lr??=(globalThis.${GIVEN}??(globalThis.${DECODED}=Ct(ro(to))))`;

/** What to import, and the decoded WebAssembly to give it (`wasm`) or to keep once it decoded it (`keep`). */
export interface GraphvizFiles {
  readonly module: string;
  readonly wasm?: string;
  readonly keep?: string;
}

/** The package's module, found from here (the app's bundle in .build/, or app/topology/); throws when it is not installed. */
export const graphvizEntry = () => createRequire(__filename).resolve(GRAPHVIZ);

/** Writes a file whole or not at all (another synth may read it meanwhile); false when it cannot be written. */
export function writeWhole(file: string, content: string | Uint8Array): boolean {
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
    return true;
  } catch {
    fs.rmSync(partial, { force: true });
    return false;
  }
}

/**
 * The files Graphviz loads from: the cached copy and its decoded bytes once a load made them
 * (by the package's version and file: another install makes its own), else the copy that keeps
 * the bytes it decodes, or the package itself (another version; no cache can be written).
 * Throws when the package is not installed.
 */
export function graphvizFiles(entry = graphvizEntry()): GraphvizFiles {
  const nodeModules = entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + `${path.sep}node_modules`.length);
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const { size, mtimeMs } = fs.statSync(entry);
  const dir = path.join(nodeModules, '.cache', 'dojot-cdk8s', `graphviz-${version}-${size}-${Math.trunc(mtimeMs)}`);
  const copy = path.join(dir, 'index.mjs');
  const wasm = path.join(dir, 'graphvizlib.wasm');
  if (fs.existsSync(copy) && fs.existsSync(wasm)) return { module: copy, wasm };
  const source = fs.readFileSync(entry, 'utf8');
  if (source.split(DECODE).length !== 2) return { module: entry };
  if (!fs.existsSync(copy) && !writeWhole(copy, source.replace(DECODE, HOOKED))) return { module: entry };
  return { module: copy, keep: wasm };
}
