import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The floors of the project, top to bottom: a file imports its own floor or those below it,
// never one above, and no import (type imports included) ever leads back to where it started.
const ROOT = path.join(__dirname, '..', '..');
const FLOORS: Readonly<Record<string, number>> = {
  test: 7,
  'vitest.config.ts': 7,
  'vitest.cluster.config.ts': 7,
  scripts: 6,
  'main.ts': 6,
  rehearsal: 5,
  app: 4,
  'load-balancer': 3,
  charts: 2,
  lib: 1,
  profile: 0,
  validation: 0,
};
const IGNORED = new Set(['node_modules', 'dist', '__snapshots__', 'examples', '.git', '.ci']);

function sourceFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return IGNORED.has(e.name) || e.name.startsWith('.') ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The project files a source file imports (static and dynamic, type-only included), resolved. */
function importsOf(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const base = path.resolve(path.dirname(file), spec);
      const found = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      return found ? [found] : [];
    });
}

const floorOf = (file: string) => FLOORS[path.relative(ROOT, file).split(path.sep)[0]];
const rel = (file: string) => path.relative(ROOT, file);

/** Imports that point up a floor: `importer -> imported`. */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graph].flatMap(([from, tos]) => tos.filter((to) => floorOf(to) > floorOf(from)).map((to) => `${rel(from)} -> ${rel(to)}`));
}

/** The import circles of a graph (its strongly connected components of more than one file, or a file importing itself). */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const circle: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      circle.push(w);
    } while (w !== v);
    if (circle.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(circle.map(rel).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('the floors', () => {
  const files = sourceFiles();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('hold every source file', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.filter((f) => floorOf(f) === undefined).map(rel)).toEqual([]);
  });

  it('are only ever gone down: no import points up', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
    expect(upwardImports(graph)).toEqual([]);
  });

  it('have no import circle, type imports included', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('would catch an import up, a type-only circle and a file on no floor', () => {
    const at = (f: string) => path.join(ROOT, f);
    const up = new Map([[at('lib/labels.ts'), importsOf(at('lib/labels.ts'), "import type { Chart } from '../charts/dojot-chart';\n")]]);
    expect(upwardImports(up)).toEqual(['lib/labels.ts -> charts/dojot-chart.ts']);
    const circle = new Map([
      [at('charts/flavours.ts'), [at('charts/contracts.ts')]],
      [at('charts/contracts.ts'), importsOf(at('charts/contracts.ts'), "import type { X } from './flavours';\n")],
    ]);
    expect(importCircles(circle)).toEqual([['charts/contracts.ts', 'charts/flavours.ts']]);
    expect(floorOf(at('docs/x.ts'))).toBeUndefined();
  });
});
