/** A box in the SVG's own units (Graphviz's points), as getBBox() gives it. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One line of text of a node, a box or the picture itself, against the shape drawn around it. */
export interface Measured {
  /** `node`, `cluster` or `graph` (the picture's caption, against its background). */
  readonly kind: string;
  /** Graphviz's title of the element: the node's id, `cluster_<id>`, `topology`. */
  readonly title: string;
  readonly text: string;
  readonly font: string;
  readonly shape: Box;
  readonly box: Box;
}

export const RESULT_ID = 'picture-measurements';

/**
 * The page's script: for every node, box (cluster) and the picture, the box of each of its <text>
 * elements and of its shape (the first polygon, ellipse, path or polyline of its group), by
 * getBBox() once the browser has laid the text out in the fonts it has. The list replaces the
 * page, as JSON in one element, for `--dump-dom`.
 */
const SCRIPT = `
(() => {
  const box = (e) => { const b = e.getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
  const measured = [];
  for (const g of document.querySelectorAll('svg g.node, svg g.cluster, svg g.graph')) {
    const shape = g.querySelector(':scope > polygon, :scope > ellipse, :scope > path, :scope > polyline');
    const title = g.querySelector(':scope > title');
    for (const t of g.querySelectorAll(':scope > text')) {
      measured.push({
        kind: g.getAttribute('class'),
        title: title ? title.textContent : '',
        text: t.textContent,
        font: getComputedStyle(t).fontFamily,
        shape: shape ? box(shape) : null,
        box: box(t),
      });
    }
  }
  const out = document.createElement('pre');
  out.id = '${RESULT_ID}';
  out.textContent = JSON.stringify(measured);
  document.body.replaceChildren(out);
})();
`;

/** An HTML page that shows the SVG inline and measures it. */
export function measurePage(svg: string): string {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>picture</title></head><body>\n${inline}\n<script>${SCRIPT}</script>\n</body></html>\n`;
}

const decode = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The measurements in the document Chromium dumped. */
export function measurementsOf(dom: string): Measured[] {
  const m = new RegExp(`<pre id="${RESULT_ID}">([\\s\\S]*?)</pre>`).exec(dom);
  if (!m) throw new Error(`the page did not measure the picture (no #${RESULT_ID} in the document):\n${dom.slice(0, 2000)}`);
  return JSON.parse(decode(m[1]));
}

/** How far a text leaves its shape on each side, in points (0 where it does not). */
export function overflow(m: Measured): { left: number; right: number; top: number; bottom: number } {
  const s = m.shape;
  const b = m.box;
  return {
    left: Math.max(0, s.x - b.x),
    right: Math.max(0, b.x + b.width - (s.x + s.width)),
    top: Math.max(0, s.y - b.y),
    bottom: Math.max(0, b.y + b.height - (s.y + s.height)),
  };
}

/** The texts that leave their shapes by more than `tolerance` points, one line each. */
export function escapes(measured: readonly Measured[], tolerance = 0.5): string[] {
  return measured.flatMap((m) => {
    if (!m.shape) return [`${m.kind} ${m.title}: "${m.text}" has no shape around it`];
    const o = overflow(m);
    const sides = (Object.entries(o) as [string, number][]).filter(([, v]) => v > tolerance);
    if (!sides.length) return [];
    return [
      `${m.kind} ${m.title}: "${m.text}" (${m.font}) leaves its shape by ${sides.map(([side, v]) => `${v.toFixed(1)} pt ${side}`).join(', ')} (text ${m.box.width.toFixed(1)} pt wide, shape ${m.shape.width.toFixed(1)} pt)`,
    ];
  });
}
