import { printable } from '../../profile/problems';
import type { FileChange } from './file-diff';
import type { ObjectChange } from './object-diff';
import type { FieldChange } from './value-diff';

const SIGN = { added: '+', removed: '-', changed: '~' } as const;
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
/** A line of a file or of a text value, safe to print: control characters escaped (profile/problems.ts), tabs kept. */
const shown = (line: string) => line.split('\t').map(printable).join('\t');

/** The heading the files other than manifests are listed under (no chart has that name). */
const FILES_HEADING = 'files';

function fieldLine(f: FieldChange): string {
  const path = f.path || '(the whole value)';
  if (f.lines) return printable(`${path}: ${f.type === 'changed' ? 'changed' : f.type}, line by line:`);
  if (f.type === 'added') return printable(`${path}: added ${show(f.to)}`);
  if (f.type === 'removed') return printable(`${path}: removed (was ${show(f.from)})`);
  return printable(`${path}: ${show(f.from)} -> ${show(f.to)}`);
}

/** The one line of a file: its sign, its path, and what changed when it is not shown line by line. */
function fileLine(f: FileChange): string {
  const what =
    f.type !== 'changed'
      ? `: ${f.type}`
      : f.kind === 'picture'
        ? ': the picture changed'
        : f.kind === 'binary'
          ? ': changed (not text: not shown line by line)'
          : '';
  return `${SIGN[f.type]} ${printable(f.file)}${what}`;
}

const byChart = (changes: readonly ObjectChange[]) => {
  const charts = new Map<string, ObjectChange[]>();
  for (const c of changes) charts.set(c.chart, [...(charts.get(c.chart) ?? []), c]);
  return [...charts].sort(([a], [b]) => a.localeCompare(b));
};

const totals = (changes: readonly ObjectChange[], files: readonly FileChange[]) => {
  const n = (list: readonly { type: string }[], t: string) => list.filter((c) => c.type === t).length;
  const counts = (list: readonly { type: string }[]) =>
    `${n(list, 'changed')} changed, ${n(list, 'added')} added, ${n(list, 'removed')} removed`;
  const immutable = changes.filter((c) => c.immutable.length).length;
  return `${counts(changes)}${files.length ? `; ${FILES_HEADING}: ${counts(files)}` : ''}${immutable ? `; ${immutable} not changeable in place` : ''}`;
};

/**
 * The changes as text: the objects grouped by chart, field by field (a text of several lines as
 * its unified diff), then the other files, each text file as its unified diff; the totals last.
 */
export function renderText(changes: readonly ObjectChange[], files: readonly FileChange[] = []): string[] {
  if (!changes.length && !files.length) return ['no changes'];
  const lines: string[] = [];
  for (const [chart, cs] of byChart(changes)) {
    lines.push(printable(chart));
    for (const c of cs) {
      lines.push(`  ${SIGN[c.type]} ${printable(c.id)}`);
      for (const f of c.fields) {
        lines.push(`      ${fieldLine(f)}`);
        for (const l of f.lines ?? []) lines.push(`        ${shown(l)}`);
      }
      for (const i of c.immutable) lines.push(`      ! ${i.field} cannot change in place: ${i.how}`);
    }
  }
  if (files.length) lines.push(FILES_HEADING);
  for (const f of files) {
    lines.push(`  ${fileLine(f)}`);
    for (const l of f.lines ?? []) lines.push(`      ${shown(l)}`);
    for (const field of f.fields ?? []) {
      lines.push(`      ${fieldLine(field)}`);
      for (const l of field.lines ?? []) lines.push(`        ${shown(l)}`);
    }
  }
  lines.push(totals(changes, files));
  return lines;
}

/** Inline code of Markdown: its backticks made quotes. */
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** A ```diff block, indented under a list item; its fence longer than any run of backticks in it. */
function diffBlock(lines: readonly string[], indent: string): string[] {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${indent}${fence}diff`, ...lines.map((l) => `${indent}${shown(l)}`), `${indent}${fence}`];
}

function markdownFields(fields: readonly FieldChange[], indent: string): string[] {
  return fields.flatMap((f) => [`${indent}- ${code(fieldLine(f))}`, ...(f.lines ? diffBlock(f.lines, `${indent}  `) : [])]);
}

/** The changes as Markdown, for a pull request's comment: as the text, a unified diff as a ```diff block. */
export function renderMarkdown(changes: readonly ObjectChange[], files: readonly FileChange[] = []): string[] {
  if (!changes.length && !files.length) return ['**dojot:** no changes'];
  const lines = [`**dojot:** ${totals(changes, files)}`, ''];
  for (const [chart, cs] of byChart(changes)) {
    lines.push(`### ${printable(chart)}`, '');
    for (const c of cs) {
      lines.push(`- ${code(`${SIGN[c.type]} ${printable(c.id)}`)}`);
      lines.push(...markdownFields(c.fields, '  '));
      for (const i of c.immutable) lines.push(`  - :warning: **\`${i.field}\` cannot change in place:** ${i.how}`);
    }
    lines.push('');
  }
  if (files.length) lines.push(`### ${FILES_HEADING}`, '');
  for (const f of files) {
    lines.push(`- ${code(fileLine(f))}`);
    if (f.lines) lines.push(...diffBlock(f.lines, '  '));
    lines.push(...markdownFields(f.fields ?? [], '  '));
  }
  if (files.length) lines.push('');
  return lines;
}
