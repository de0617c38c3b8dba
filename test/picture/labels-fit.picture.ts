import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Layout, loadLayout } from '../../app/topology/graphviz';
import { tempDir } from '../helpers/temp';
import { lbProfile, profileOf } from '../helpers/synth';
import { type FontSet, dumpDom, findChromium, fontFolders, fontMatch, fontSet } from './chromium';
import { type Measured, escapes, measurePage, measurementsOf } from './measure-page';
import { pictureOf } from './pictures';

// npm run test:picture. The picture is drawn as npm run synth draws it, then opened in Debian's
// headless Chromium, which lays its text out in the fonts it finds: every line of every node, box
// and caption must stay inside the shape drawn around it (getBBox() of each, in the SVG's units).
// Each font set is a machine with those fonts alone (a fontconfig file of its folders): DejaVu
// Sans, Debian's default, with no Arial; Liberation Sans, which has Arial's metrics (what a
// machine with Arial shows), when fonts-liberation is installed.

const chromium = findChromium();
if (!chromium)
  throw new Error('npm run test:picture needs Debian\'s Chromium: apt-get install chromium (the binary "chromium" or "chromium-browser")');

const dir = tempDir('dojot-picture-');
const FONT_SETS: { family: string; folders: string[] }[] = [
  { family: 'DejaVu Sans', folders: fontFolders('DejaVu Sans') },
  { family: 'Liberation Sans', folders: fontFolders('Liberation Sans') },
];
if (!FONT_SETS[0].folders.length) throw new Error('npm run test:picture needs DejaVu Sans: apt-get install fonts-dejavu-core');

const CASES = [
  { name: "the 100k preset with the guide's inventory", profile: () => lbProfile('100k') },
  { name: 'the lwm2m flavour without an inventory', profile: () => profileOf('default', { flavour: 'lwm2m' }) },
  // Also: LwM2M's entry points behind nginx, their NodePorts not fixed.
  { name: "the lwm2m flavour with the guide's inventory", profile: () => lbProfile('default', { flavour: 'lwm2m' }) },
];

let layout: Layout;
beforeAll(async () => {
  layout = await loadLayout();
});

/** The picture, measured in Chromium with only the fonts of `fonts`. */
function measure(svg: string, fonts: FontSet, name: string): Measured[] {
  const page = path.join(dir, `${name}.html`);
  fs.writeFileSync(page, measurePage(svg));
  return measurementsOf(dumpDom(chromium as string, page, fonts, dir));
}

const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** The room left between a text and its shape's left or right side, in points. */
const slack = (m: Measured) => Math.min(m.box.x - m.shape.x, m.shape.x + m.shape.width - (m.box.x + m.box.width));

/** The summed width of the texts of each case in each font set, by `case/family`. */
const widths = new Map<string, number>();

for (const set of FONT_SETS) {
  describe.skipIf(!set.folders.length)(`in Chromium with ${set.family} alone (no Arial)`, () => {
    const fonts = set.folders.length ? fontSet(slug(set.family), set.folders, dir) : undefined;

    it(`has no Arial: fontconfig gives ${set.family} for Arial`, () => {
      expect(fontMatch(fonts as FontSet, 'Arial')).toBe(set.family);
    });

    for (const c of CASES) {
      it(`${c.name}: every label stays inside its shape`, () => {
        const svg = pictureOf(c.profile(), layout);
        const measured = measure(svg, fonts as FontSet, `${slug(c.name)}-${slug(set.family)}`);
        // Every node and box was measured, each with its text laid out in the font set's font.
        const titles = new Set(measured.map((m) => m.title));
        expect(titles.size).toBe((svg.match(/class="(node|cluster)"/g) ?? []).length + 1);
        expect(measured.every((m) => m.box.width > 0)).toBe(true);
        widths.set(
          `${c.name}/${set.family}`,
          measured.reduce((sum, m) => sum + m.box.width, 0),
        );
        const problems = escapes(measured);
        console.log(
          `${c.name}, ${set.family}: ${measured.length} lines of text in ${titles.size} shapes, ${problems.length} leave their shape${problems.length ? `:\n  ${problems.join('\n  ')}` : ''}; the closest comes within ${Math.min(...measured.map(slack)).toFixed(1)} pt of its shape's side`,
        );
        expect(problems).toEqual([]);
      });
    }
  });
}

describe('the check itself', () => {
  it.skipIf(FONT_SETS.some((f) => !f.folders.length))(
    'ran in each font set: DejaVu Sans draws the same text wider than Liberation Sans',
    () => {
      for (const c of CASES) {
        const dejaVu = widths.get(`${c.name}/DejaVu Sans`) as number;
        const liberation = widths.get(`${c.name}/Liberation Sans`) as number;
        expect(dejaVu / liberation).toBeGreaterThan(1.05);
      }
    },
  );

  it('finds a label in a box drawn too small (a node shrunk to half its width)', () => {
    const svg = pictureOf(CASES[0].profile(), layout);
    // The first node drawn as a polygon (an entry point), narrowed around its centre: it, and it alone, must be found.
    const shrunk = svg.replace(
      /(<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>\s*<polygon[^>]* points=")([^"]*)"/,
      (_, head, _title, points: string) => {
        const xy = points.split(' ').map((p) => p.split(',').map(Number));
        const centre = (Math.min(...xy.map((p) => p[0])) + Math.max(...xy.map((p) => p[0]))) / 2;
        return `${head}${xy.map(([x, y]) => `${(centre + (x - centre) / 2).toFixed(2)},${y}`).join(' ')}"`;
      },
    );
    expect(shrunk).not.toBe(svg);
    const title = /<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>\s*<polygon/.exec(svg)?.[1].replace(/&#45;/g, '-');
    const problems = escapes(measure(shrunk, fontSet('control', FONT_SETS[0].folders, dir), 'control'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !p.startsWith(`node ${title}:`))).toEqual([]);
  });
});
