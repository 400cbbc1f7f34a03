/**
 * Line boundaries of a long text, for views that render a window of lines. Lines longer than
 * `maxLength` are cut into pieces, so a single-line 10 MB output still renders in small nodes.
 */
export interface Lines {
  starts: number[];
  ends: number[];
  /** False when `limit` stopped the scan before the end of the text. */
  complete: boolean;
}

export function splitLines(text: string, maxLength: number, limit = Infinity): Lines {
  const lines: Lines = { starts: [], ends: [], complete: true };
  if (text === '') {
    lines.starts.push(0);
    lines.ends.push(0);
    return lines;
  }
  let start = 0;
  // The next newline at or after `start`, found once per line (not once per piece of a long line).
  let newline = text.indexOf('\n');
  while (start < text.length) {
    if (lines.starts.length >= limit) {
      lines.complete = false;
      return lines;
    }
    if (newline >= 0 && newline < start) newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const end = Math.min(lineEnd, start + maxLength);
    lines.starts.push(start);
    lines.ends.push(end);
    start = end < lineEnd || newline < 0 ? end : newline + 1;
  }
  return lines;
}

/** The line holding `offset` (binary search over starts). */
export function lineAt(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Preview {
  /** Offset where the preview stops. */
  end: number;
  lines: number;
  truncated: boolean;
}

/** How much of a text a collapsed view shows: at most `maxLines` lines and about `maxChars` characters. */
export function previewOf(text: string, maxLines: number, maxChars: number, maxLength: number): Preview {
  const lines = splitLines(text, maxLength, maxLines + 1);
  let count = 0;
  let end = 0;
  for (; count < Math.min(maxLines, lines.starts.length); count++) {
    const lineEnd = lines.ends[count] as number;
    if (count > 0 && lineEnd > maxChars) break;
    end = lineEnd;
  }
  return { end, lines: count, truncated: end < trimmedLength(text) };
}

/** A trailing newline is not content worth a "show all". */
function trimmedLength(text: string): number {
  return text.endsWith('\n') ? text.length - 1 : text.length;
}
