import type { Component } from '../charts/component';
import { COMPONENTS } from '../charts/components';
import type { ImageLifecycle } from '../lib/image-lifecycle';

const START = '<!-- images:start -->';
const END = '<!-- images:end -->';

/** Every image any flavour runs, as its component describes it, once each, by name. */
export function allImageLifecycles(): ImageLifecycle[] {
  const all = (COMPONENTS as readonly Component[]).flatMap((c) => c.images ?? []);
  return [...new Map(all.map((i) => [i.image, i])).values()].sort((a, b) => a.image.localeCompare(b.image));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README's table of images: what each runs, its base, and each end of upstream support with its source. */
export function renderImagesTable(): string {
  const rows = allImageLifecycles().map((i) => {
    const ends = i.endOfLife.map((e) => `${e.of}: ${e.date ?? 'latest release only'} ([source](${e.source}))`).join('; ');
    return `| \`${i.image}\` | ${cell(i.runs)} | ${cell(i.base ?? '')} | ${cell(ends)} |`;
  });
  return ['| image | runs | built on | end of upstream support |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with its images table rewritten (`npm run docs`). */
export function readmeWithImages(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${renderImagesTable()}\n${readme.slice(end)}`;
}
