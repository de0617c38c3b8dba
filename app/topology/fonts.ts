/**
 * The font Graphviz lays the picture's text out with. Graphviz in WebAssembly measures no font
 * file: it sizes each box from its built-in metrics of the font named. DejaVu Sans is Debian's
 * default (a browser without Arial draws the text in it) and wider than Arial, Liberation Sans
 * (Arial's metrics) and Helvetica: a box sized for it holds the text in any of them.
 */
export const LAYOUT_FONT = 'DejaVu Sans';

/**
 * The fonts the SVG asks for, the layout's first: a viewer with DejaVu Sans draws the text as it
 * was measured, one without draws it in a narrower font, with room to spare.
 */
export const FONT_FAMILIES = 'DejaVu Sans,Liberation Sans,Arial,Helvetica,sans-serif';

/** The SVG with every text in FONT_FAMILIES, where Graphviz wrote the layout's font alone. */
export function withFontFamilies(svg: string): string {
  return svg.replaceAll(`font-family="${LAYOUT_FONT}"`, `font-family="${FONT_FAMILIES}"`);
}
