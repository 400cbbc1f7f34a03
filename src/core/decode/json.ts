import { RowBatcher } from './batcher';
import { asRow, isObject, type Parsed } from './jsonRow';
import { streamText } from './streamText';
import { DecodeError, reasonOf, type RowBatch, type RowRange } from './types';

/**
 * Reads one whole JSON document (it has to be held whole to be parsed) and yields its rows:
 * - an array of objects: one row each (a non-object element is a RowError);
 * - a bare array of chat messages (mini-swe-agent `.traj.json` of some versions): ONE row `{ messages }`;
 * - the HF datasets-server shape `{ rows: [{ row: {...} }] }`: the inner rows;
 * - any other object (a SWE-agent `.traj`, a mini-swe-agent `.traj.json`): one row.
 */
export async function* readJson(
  stream: ReadableStream<Uint8Array>,
  file: string,
  batchSize = 100,
  range: RowRange = {},
): AsyncGenerator<RowBatch> {
  const doc = parseDocument(await readText(stream, file), file);
  const { rowStart = 0, rowEnd = Infinity } = range;
  const batcher = new RowBatcher(batchSize);
  const rows = documentRows(doc, file);
  for (let index = rowStart; index < Math.min(rowEnd, rows.length); index++) {
    const parsed = rows[index] as Parsed;
    const batch = 'row' in parsed ? batcher.addRow(index, parsed.row) : batcher.addError(index, parsed.error);
    if (batch) yield batch;
  }
  const last = batcher.flush();
  if (last) yield last;
}

async function readText(stream: ReadableStream<Uint8Array>, file: string): Promise<string> {
  try {
    return await streamText(stream);
  } catch (e) {
    throw new DecodeError(file, `read failed: ${reasonOf(e)}`);
  }
}

function parseDocument(text: string, file: string): unknown {
  if (!/\S/.test(text)) throw new DecodeError(file, 'empty JSON document');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DecodeError(file, `invalid JSON document: ${reasonOf(e).slice(0, 200)}`);
  }
}

/** The document's rows, each parsed or described as an error. */
export function documentRows(doc: unknown, file: string): Parsed[] {
  if (Array.isArray(doc)) {
    return isMessageList(doc) ? [{ row: { messages: doc } }] : doc.map(asRow);
  }
  if (!isObject(doc)) throw new DecodeError(file, `expected a JSON object or array, got ${doc === null ? 'null' : typeof doc}`);
  const served = datasetsServerRows(doc);
  return served ?? [{ row: doc }];
}

/**
 * A whole trajectory saved as its message list: every element a chat message.
 * (A list of dataset rows never looks like this: rows carry a messages column, not a role.)
 */
export function isMessageList(items: unknown[]): boolean {
  return items.length > 0 && items.every(isMessage);
}

function isMessage(item: unknown): boolean {
  if (!isObject(item)) return false;
  if (typeof item.role === 'string') return 'content' in item || 'tool_calls' in item || 'text' in item;
  return typeof item.from === 'string' && 'value' in item;
}

/** `{ rows: [{ row_idx, row: {...}, truncated_cells }] }`, as the HF datasets-server /rows API returns. */
function datasetsServerRows(doc: Record<string, unknown>): Parsed[] | undefined {
  const { rows } = doc;
  if (!Array.isArray(rows)) return undefined;
  // An empty page is still a page when the response says what its columns are.
  if (rows.length === 0) return 'features' in doc ? [] : undefined;
  if (!rows.every((r) => isObject(r) && isObject(r.row))) return undefined;
  return rows.map((r: { row: Record<string, unknown> }) => ({ row: r.row }));
}
