/** Graphviz attributes (`label`, `shape`, ...), rendered quoted. */
export type DotAttributes = Readonly<Record<string, string | number>>;

export interface DotNode {
  readonly id: string;
  readonly attributes: DotAttributes;
}

export interface DotCluster {
  readonly id: string;
  readonly attributes: DotAttributes;
  readonly nodes: readonly DotNode[];
  /** Its nodes in one rank (`{ rank="same"; ... }`): one column, left to right, of a left-to-right graph. */
  readonly sameRank?: boolean;
}

export interface DotEdge {
  readonly from: string;
  readonly to: string;
  readonly attributes?: DotAttributes;
}

/** A directed graph in Graphviz's terms: clusters (drawn as boxes) of nodes, loose nodes, edges. */
export interface DotGraph {
  readonly attributes: DotAttributes;
  readonly nodeDefaults: DotAttributes;
  readonly edgeDefaults: DotAttributes;
  readonly clusters: readonly DotCluster[];
  readonly nodes: readonly DotNode[];
  readonly edges: readonly DotEdge[];
}

/** A DOT string literal: backslashes and quotes escaped, a line break as Graphviz's centred `\n`. */
const quote = (v: string | number) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const list = (a: DotAttributes) =>
  Object.keys(a)
    .map((k) => `${k}=${quote(a[k])}`)
    .join(', ');

const statement = (indent: string, head: string, a: DotAttributes | undefined) =>
  `${indent}${head}${a && Object.keys(a).length ? ` [${list(a)}]` : ''};`;

/** The graph in the DOT language, one statement per line, in the order given (the layout depends on it). */
export function renderDot(g: DotGraph): string {
  const lines = ['digraph topology {'];
  for (const k of Object.keys(g.attributes)) lines.push(`  ${k}=${quote(g.attributes[k])};`);
  lines.push(statement('  ', 'node', g.nodeDefaults), statement('  ', 'edge', g.edgeDefaults));
  for (const c of g.clusters) {
    lines.push(`  subgraph ${quote(`cluster_${c.id}`)} {`);
    for (const k of Object.keys(c.attributes)) lines.push(`    ${k}=${quote(c.attributes[k])};`);
    for (const n of c.nodes) lines.push(statement('    ', quote(n.id), n.attributes));
    if (c.sameRank && c.nodes.length > 1) lines.push(`    { rank="same"; ${c.nodes.map((n) => `${quote(n.id)};`).join(' ')} }`);
    lines.push('  }');
  }
  for (const n of g.nodes) lines.push(statement('  ', quote(n.id), n.attributes));
  for (const e of g.edges) lines.push(statement('  ', `${quote(e.from)} -> ${quote(e.to)}`, e.attributes));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
