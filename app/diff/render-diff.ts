import type { ObjectChange } from './object-diff';

const SIGN = { added: '+', removed: '-', changed: '~' } as const;
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

function fieldLine(f: ObjectChange['fields'][number]): string {
  if (f.type === 'added') return `${f.path}: added ${show(f.to)}`;
  if (f.type === 'removed') return `${f.path}: removed (was ${show(f.from)})`;
  return `${f.path}: ${show(f.from)} -> ${show(f.to)}`;
}

const byChart = (changes: readonly ObjectChange[]) => {
  const charts = new Map<string, ObjectChange[]>();
  for (const c of changes) charts.set(c.chart, [...(charts.get(c.chart) ?? []), c]);
  return [...charts].sort(([a], [b]) => a.localeCompare(b));
};

const totals = (changes: readonly ObjectChange[]) => {
  const n = (t: ObjectChange['type']) => changes.filter((c) => c.type === t).length;
  const immutable = changes.filter((c) => c.immutable.length).length;
  return `${n('changed')} changed, ${n('added')} added, ${n('removed')} removed${immutable ? `; ${immutable} not changeable in place` : ''}`;
};

/** The changes as text, grouped by chart. */
export function renderText(changes: readonly ObjectChange[]): string[] {
  if (!changes.length) return ['no changes'];
  const lines: string[] = [];
  for (const [chart, cs] of byChart(changes)) {
    lines.push(chart);
    for (const c of cs) {
      lines.push(`  ${SIGN[c.type]} ${c.id}`);
      for (const f of c.fields) lines.push(`      ${fieldLine(f)}`);
      for (const i of c.immutable) lines.push(`      ! ${i.field} cannot change in place: ${i.how}`);
    }
  }
  lines.push(totals(changes));
  return lines;
}

/** The changes as Markdown, for a pull request's comment. */
export function renderMarkdown(changes: readonly ObjectChange[]): string[] {
  if (!changes.length) return ['**dojot:** no changes'];
  const lines = [`**dojot:** ${totals(changes)}`, ''];
  for (const [chart, cs] of byChart(changes)) {
    lines.push(`### ${chart}`, '');
    for (const c of cs) {
      lines.push(`- \`${SIGN[c.type]} ${c.id}\``);
      for (const f of c.fields) lines.push(`  - \`${fieldLine(f).replace(/`/g, "'")}\``);
      for (const i of c.immutable) lines.push(`  - :warning: **\`${i.field}\` cannot change in place:** ${i.how}`);
    }
    lines.push('');
  }
  return lines;
}
