/** A Graphviz layout: DOT in, SVG out. */
export type Layout = (dot: string) => string;

/**
 * Graphviz's `dot`, compiled to WebAssembly (@hpcc-js/wasm-graphviz): no system package. Loading
 * it and the first layout cost about 130 ms (`npm run bench`), so only `npm run synth` draws (its
 * `--topology`), not the cdk8s app.
 */
export async function loadLayout(): Promise<Layout> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return (dot) => graphviz.dot(dot, 'svg');
}
