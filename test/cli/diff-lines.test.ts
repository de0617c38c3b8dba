import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from '../../app/diff/line-diff';
import { diffValues } from '../../app/diff/value-diff';

/** The length of the longest common subsequence, by the textbook table. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
  return t[a.length][b.length];
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the line diff (npm run diff)', () => {
  it('makes the shortest edit script: it rebuilds both sides, and removes and adds no more lines than the LCS leaves', () => {
    const next = random(22);
    for (let run = 0; run < 500; run++) {
      const lines = () => Array.from({ length: Math.floor(next() * 14) }, () => 'abcd'[Math.floor(next() * 4)]);
      const a = lines();
      const b = lines();
      const edits = diffLines(a, b);
      expect(edits.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(a);
      expect(edits.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(b);
      expect(edits.filter((e) => e.op !== ' ').length).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });

  it('writes hunks as diff -u does: three lines of context, near changes in one hunk, far ones in two', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')}\n`;
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', '');
    expect(unifiedDiff(before, after)).toEqual([
      '@@ -1,5 +1,5 @@',
      ' line 1',
      '-line 2',
      '+line two',
      ' line 3',
      ' line 4',
      ' line 5',
      '@@ -15,6 +15,5 @@',
      ' line 15',
      ' line 16',
      ' line 17',
      '-line 18',
      ' line 19',
      ' line 20',
    ]);
    expect(unifiedDiff(before, before.replace('line 9\n', 'line nine\n').replace('line 15\n', 'line fifteen\n'))[0]).toBe(
      '@@ -6,13 +6,13 @@',
    );
    expect(unifiedDiff('', 'a\nb\n')).toEqual(['@@ -0,0 +1,2 @@', '+a', '+b']);
    expect(unifiedDiff('a\n', 'a')).toEqual(['\\ only the newline at the end differs (removed)']);
    expect(unifiedDiff('a\n', 'a\n')).toEqual([]);
  });

  it('gives up the search past 2000 differing lines, and still rebuilds both sides', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const edits = diffLines(['same', ...a, 'end'], ['same', ...b, 'end']);
    expect(edits.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(['same', ...a, 'end']);
    expect(edits.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(['same', ...b, 'end']);
  });
});

describe('the value diff (npm run diff)', () => {
  it('matches a list by name only when every item has a name of its own; else by index', () => {
    const named = [
      { name: 'a', v: 1 },
      { name: 'b', v: 2 },
    ];
    expect(diffValues({ l: named }, { l: [{ name: 'z', v: 0 }, ...named] }).map((c) => c.path)).toEqual(['l[name=z]']);
    // Two items named alike: by index.
    const twins = [
      { name: 'a', v: 1 },
      { name: 'a', v: 2 },
    ];
    expect(diffValues({ l: twins }, { l: [{ name: 'z', v: 0 }, ...twins] }).map((c) => c.path)).toEqual([
      'l[0].name',
      'l[0].v',
      'l[1].v',
      'l[2]',
    ]);
    // An item without a name: by index.
    expect(diffValues({ l: [1, 2] }, { l: [0, 1, 2] }).map((c) => c.path)).toEqual(['l[0]', 'l[1]', 'l[2]']);
    // Prometheus rules by their alert or record.
    const rules = [
      { alert: 'Down', expr: 'up == 0' },
      { record: 'r', expr: 'sum(x)' },
    ];
    expect(diffValues({ rules }, { rules: [rules[0], { record: 'r', expr: 'sum(y)' }] })).toEqual([
      { path: 'rules[record=r].expr', type: 'changed', from: 'sum(x)', to: 'sum(y)' },
    ]);
  });

  it('shows a text of several lines as its unified diff, added and removed ones too', () => {
    expect(diffValues({ s: 'a\nb\n' }, { s: 'a\nc\n' })).toEqual([
      { path: 's', type: 'changed', from: 'a\nb\n', to: 'a\nc\n', lines: ['@@ -1,2 +1,2 @@', ' a', '-b', '+c'] },
    ]);
    expect(diffValues({}, { s: 'x\ny' })[0].lines).toEqual(['@@ -0,0 +1,2 @@', '+x', '+y']);
    expect(diffValues({ s: 'one line' }, { s: 'another' })[0].lines).toBeUndefined();
  });
});
