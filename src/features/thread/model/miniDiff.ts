/** A small line diff for showing an edit's old → new text (str_replace), not for patches. */
export interface DiffLine {
  type: 'same' | 'del' | 'add';
  text: string;
}

/** Above this many line pairs the LCS table costs too much; such edits show as all-removed, all-added. */
const MAX_CELLS = 250_000;

export function miniDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]) => lines.map((text): DiffLine => ({ type: 'same', text }));
  const middle = lcsDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

function lcsDiff(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text): DiffLine => ({ type: 'del', text })), ...b.map((text): DiffLine => ({ type: 'add', text }))];
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * w + j] = a[i] === b[j] ? (lengths[(i + 1) * w + j + 1] as number) + 1 : Math.max(lengths[(i + 1) * w + j] as number, lengths[i * w + j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ type: 'same', text: a[i++] as string });
      j++;
    } else if (i < a.length && (j === b.length || (lengths[(i + 1) * w + j] as number) >= (lengths[i * w + j + 1] as number))) {
      out.push({ type: 'del', text: a[i++] as string });
    } else out.push({ type: 'add', text: b[j++] as string });
  }
  return out;
}
