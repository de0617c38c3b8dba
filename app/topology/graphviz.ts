/** A Graphviz layout: DOT in, SVG out. */
export type Layout = (dot: string) => string;

/**
 * Graphviz's `dot`, compiled to WebAssembly (@hpcc-js/wasm-graphviz): no system package. Loading
 * it costs about 80 ms (`npm run bench`), so only `npm run synth` draws (its `--topology`).
 */
export async function loadLayout(): Promise<Layout> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return (dot) => graphviz.dot(dot, 'svg');
}
