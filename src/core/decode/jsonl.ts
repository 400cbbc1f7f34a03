import { RowBatcher } from './batcher';
import { parseObject } from './jsonRow';
import { isBlank, lineChunks } from './lines';
import { DecodeError, reasonOf, type RowBatch, type RowRange } from './types';

/**
 * Reads JSON Lines: one JSON object per line, streamed, in batches of `batchSize` rows.
 *
 * Row index = position among the non-blank lines (blank and whitespace-only lines are skipped and
 * not counted, as the HF `datasets` JSON loader does), so a row keeps its index whatever the line
 * endings or blank lines; error messages also give the 1-based line number to find it in an editor.
 * A malformed line, or one that is not an object, is a RowError (it still takes its row index)
 * and reading goes on. Rows before `rowStart` are counted but not parsed (cheap resume);
 * reading stops, and the stream is cancelled, at `rowEnd`.
 */
export async function* readJsonl(
  stream: ReadableStream<Uint8Array>,
  file: string,
  batchSize = 100,
  range: RowRange = {},
): AsyncGenerator<RowBatch> {
  const { rowStart = 0, rowEnd = Infinity } = range;
  const batcher = new RowBatcher(batchSize);
  let row = 0;
  let line = 0;
  const lines = lineChunks(stream);
  let reachedEnd = false;
  try {
    for (;;) {
      const chunk = await nextLines(lines, file, row);
      if (chunk === undefined) break;
      for (const text of chunk) {
        line++;
        if (isBlank(text)) continue;
        const index = row++;
        if (index < rowStart) continue;
        if (index >= rowEnd) {
          reachedEnd = true;
          break;
        }
        const parsed = parseObject(text);
        const batch = 'row' in parsed ? batcher.addRow(index, parsed.row) : batcher.addError(index, `line ${line}: ${parsed.error}`);
        if (batch) yield batch;
      }
      if (reachedEnd) break;
    }
    const last = batcher.flush();
    if (last) yield last;
  } finally {
    // Also runs when the caller stops early: cancels the stream so its file or connection closes.
    await lines.return(undefined);
  }
}

/** The next lines, with a failed read (bad gzip, dropped connection) named by file and row. */
async function nextLines(lines: AsyncGenerator<string[]>, file: string, row: number): Promise<string[] | undefined> {
  try {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  } catch (e) {
    throw new DecodeError(file, `read failed after ${row} rows: ${reasonOf(e)}`);
  }
}
