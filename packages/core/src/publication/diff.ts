/** One line of a {@link diffLines} result. */
export interface DiffLine {
  /** `same` in both, `removed` from the older text, `added` in the newer. */
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** Its line number (1-based) in the older text, unless added. */
  oldLine?: number;
  /** Its line number in the newer text, unless removed. */
  newLine?: number;
}

/** Beyond this many cells the middle is shown as replaced whole rather than aligned. */
const MAX_CELLS = 4_000_000;

/**
 * The lines that differ between two versions of a text (a longest common subsequence
 * of lines, after the common beginning and end are set aside): what changed between two
 * published versions of a notice.
 *
 * @example
 * ```ts
 * diffLines('一、\n整改进度：正在推进。', '一、\n整改进度：已完成。').filter((d) => d.kind !== 'same');
 * // [{ kind: 'removed', text: '整改进度：正在推进。', oldLine: 2 }, { kind: 'added', text: '整改进度：已完成。', newLine: 2 }]
 * ```
 */
export function diffLines(older: string, newer: string): DiffLine[] {
  const a = older.split(/\r\n|\n|\r/);
  const b = newer.split(/\r\n|\n|\r/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  // One at a time: spreading a long middle into push() overflows the stack (~120,000 lines).
  for (const line of middle(a, b, start, endA, endB)) out.push(line);
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  return out;
}

function middle(a: string[], b: string[], start: number, endA: number, endB: number): DiffLine[] {
  const n = endA - start;
  const m = endB - start;
  const removed = (i: number): DiffLine => ({ kind: 'removed', text: a[i]!, oldLine: i + 1 });
  const added = (j: number): DiffLine => ({ kind: 'added', text: b[j]!, newLine: j + 1 });
  if (n * m > MAX_CELLS) {
    return Array.from({ length: n + m }, (_, k) => (k < n ? removed(start + k) : added(start + k - n)));
  }
  // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      out.push({ kind: 'same', text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
      i++, j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(removed(start + i++));
    else out.push(added(start + j++));
  }
  return out;
}
