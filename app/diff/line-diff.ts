/** One line of an edit script: kept (` `), removed (`-`) or added (`+`). */
export interface LineEdit {
  readonly op: ' ' | '-' | '+';
  readonly line: string;
}

/**
 * Past this many differing lines the shortest edit script is not searched for (its cost grows as
 * the square of that number): the lines between the common head and tail are shown removed, then
 * added. A file rewritten that much reads no better either way.
 */
const MAX_EDITS = 2000;

/**
 * The shortest edit script from `a` to `b` (Myers, "An O(ND) Difference Algorithm and Its
 * Variations", 1986): the fewest lines removed and added, every other line kept.
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineEdit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const kept = (lines: readonly string[]): LineEdit[] => lines.map((line) => ({ op: ' ', line }));
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  return [...kept(a.slice(0, head)), ...middle(middleA, middleB), ...kept(a.slice(a.length - tail))];
}

function middle(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  const removed = (): LineEdit[] => a.map((line) => ({ op: '-', line }));
  const added = (): LineEdit[] => b.map((line) => ({ op: '+', line }));
  if (!n || !m) return [...removed(), ...added()];
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  // v[k + offset]: the furthest x reached on diagonal k (y = x - k); `trace[d]` is v as step d found it.
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return [...removed(), ...added()];
}

/** The path the search found, from its end back to its start. */
function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[]): LineEdit[] {
  const edits: LineEdit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    // trace[d] holds diagonals -d-1 .. d+1.
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push({ op: ' ', line: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) edits.push(x === previousX ? { op: '+', line: b[y - 1] } : { op: '-', line: a[x - 1] });
    x = previousX;
    y = previousY;
  }
  return edits.reverse();
}

/** A text's lines, without the empty one after its last newline. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The unified diff of two texts' lines (`diff -u`'s hunks, without its file header): `@@ -a,n
 * +b,m @@`, then each line with ` `, `-` or `+`, `context` unchanged lines around each change.
 * Empty when the lines are the same; when only the last newline differs, one line that says so.
 */
export function unifiedDiff(before: string, after: string, context = 3): string[] {
  const edits = diffLines(linesOf(before), linesOf(after));
  const changed = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  if (!changed.length) {
    if (before === after) return [];
    return [`\\ only the newline at the end differs (${before.endsWith('\n') ? 'removed' : 'added'})`];
  }
  // Where each edit starts in either text (0-based).
  const startA: number[] = [];
  const startB: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const e of edits) {
    startA.push(ia);
    startB.push(ib);
    if (e.op !== '+') ia++;
    if (e.op !== '-') ib++;
  }
  startA.push(ia);
  startB.push(ib);
  // Changes closer than twice the context share a hunk.
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const last = hunks.at(-1);
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else hunks.push([i, i]);
  }
  const lines: string[] = [];
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - context);
    const to = Math.min(edits.length - 1, last + context);
    const part = edits.slice(from, to + 1);
    const lengthA = part.filter((e) => e.op !== '+').length;
    const lengthB = part.filter((e) => e.op !== '-').length;
    const range = (start: number, length: number) => `${length ? start + 1 : start},${length}`;
    lines.push(`@@ -${range(startA[from], lengthA)} +${range(startB[from], lengthB)} @@`);
    for (const e of part) lines.push(`${e.op}${e.line}`);
  }
  return lines;
}
