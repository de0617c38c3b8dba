import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import { DECODED, GIVEN, type GraphvizFiles, graphvizEntry, graphvizFiles, writeWhole } from './graphviz-cache';

/** A Graphviz layout: DOT in, SVG out. */
export type Layout = (dot: string) => string;

type GraphvizPackage = typeof import('@hpcc-js/wasm-graphviz');
type Graphviz = Awaited<ReturnType<GraphvizPackage['Graphviz']['load']>>;

/** The globals through which the cached copy of the package is given its decoded WebAssembly, or leaves it. */
const hooks = globalThis as unknown as Record<string, Uint8Array | undefined>;

/**
 * Loads Graphviz from `files`, and keeps the WebAssembly it decoded where they say. Its module is
 * compiled by V8's baseline compiler (Liftoff) alone: by default V8 also recompiles the hot
 * functions with its optimizing compiler, on background threads, which for a layout of some
 * 20 ms costs more than it wins, and the process waits for those compilations before it exits
 * (30 to 40 ms, `npm run bench`). V8 reads the flag when it compiles a module: it is set for
 * Graphviz's only.
 */
async function loadFrom(files: GraphvizFiles): Promise<Graphviz> {
  if (files.wasm) hooks[GIVEN] = fs.readFileSync(files.wasm);
  v8.setFlagsFromString('--liftoff-only');
  try {
    const { Graphviz } = (await import(pathToFileURL(files.module).href)) as GraphvizPackage;
    const graphviz = await Graphviz.load();
    const decoded = hooks[DECODED];
    if (files.keep && decoded) writeWhole(files.keep, decoded);
    return graphviz;
  } finally {
    v8.setFlagsFromString('--no-liftoff-only');
    delete hooks[GIVEN];
    delete hooks[DECODED];
  }
}

/** Graphviz, from the cached copy when there is one; from the package itself when the copy fails (the copy is then removed). */
async function load(): Promise<Graphviz> {
  const entry = graphvizEntry();
  const files = graphvizFiles(entry);
  if (files.module === entry) return loadFrom(files);
  try {
    return await loadFrom(files);
  } catch {
    fs.rmSync(path.dirname(files.module), { recursive: true, force: true });
    return loadFrom({ module: entry });
  }
}

let loaded: Promise<Graphviz> | undefined;

/**
 * Graphviz's `dot`, compiled to WebAssembly (@hpcc-js/wasm-graphviz): no system package. Loaded
 * once per process, on the first call, from a copy that skips the package's decoding of its
 * WebAssembly (graphviz-cache.ts): loading costs about 25 ms and a layout of the picture about
 * 20 (`npm run bench`). Only `npm run synth` draws (its `--topology`), not the cdk8s app.
 */
export async function loadLayout(): Promise<Layout> {
  loaded ??= load();
  const graphviz = await loaded;
  return (dot) => graphviz.dot(dot, 'svg');
}
