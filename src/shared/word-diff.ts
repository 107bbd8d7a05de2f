/**
 * A word diff between two texts, for co-authored items (decision 0035): what stayed, what was
 * taken out and what was put in, in reading order. Both the server (the compare route) and the
 * web (showing two versions side by side) use it.
 *
 * Texts are cut into tokens: runs of letters and digits (with apostrophes inside a word), runs of
 * white space, and any other character on its own. Common tokens at the start and the end are
 * set aside first; the middle is compared with Myers' shortest-edit-script algorithm, which finds
 * a longest common subsequence of tokens. When the two middles differ by more than
 * `MAX_EDITS` tokens, they are so unlike that a finer diff would not help a reader, and the
 * middle is reported as taken out and put in whole; the cost stays bounded either way.
 *
 * Whatever the path, joining the `same` and `removed` parts gives the old text back, and joining
 * the `same` and `added` parts gives the new one (tested with fast-check).
 */
export type WordDiffOp = 'same' | 'removed' | 'added';

export interface WordDiffPart {
  op: WordDiffOp;
  text: string;
}

/** Above this many changed tokens in the middle, the middle is shown as replaced whole. */
export const MAX_EDITS = 2000;

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\s+|[^]/gu;

/** The tokens of a text; joining them gives the text back. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The old text (`which = 'removed'`) or the new one (`'added'`) from a diff. */
export function diffSide(parts: readonly WordDiffPart[], which: 'removed' | 'added'): string {
  return parts
    .filter((part) => part.op === 'same' || part.op === which)
    .map((part) => part.text)
    .join('');
}

function push(parts: WordDiffPart[], op: WordDiffOp, text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * The edit script between `a` and `b` as a list of steps: 0 = same, -1 = take a[i] out,
 * 1 = put b[j] in. Null when more than `maxEdits` steps would be needed.
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Int8Array | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in -d..d after step d, so the path can be walked back.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;

  const steps: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push(0);
      x--;
      y--;
    }
    steps.push(down ? 1 : -1);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    steps.push(0);
    x--;
    y--;
  }
  return Int8Array.from(steps.reverse());
}

/** The word diff from `before` to `after`. */
export function wordDiff(before: string, after: string, maxEdits = MAX_EDITS): WordDiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: WordDiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const steps = myers(midA, midB, maxEdits);
  if (steps === null) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    let i = 0;
    let j = 0;
    // Within one run of changes, what was taken out is shown before what was put in.
    let removed = '';
    let added = '';
    const flush = () => {
      push(parts, 'removed', removed);
      push(parts, 'added', added);
      removed = '';
      added = '';
    };
    for (const step of steps) {
      if (step === 0) {
        flush();
        push(parts, 'same', midA[i]!);
        i++;
        j++;
      } else if (step < 0) {
        removed += midA[i++]!;
      } else {
        added += midB[j++]!;
      }
    }
    flush();
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}
