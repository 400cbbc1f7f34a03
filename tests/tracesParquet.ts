// Open-SWE-like parquet written in tests: one row group of OpenAI messages (list<struct> with
// nested tool calls) of very different sizes, a struct metadata column with patches, and small
// pages so the big columns span many pages.
import { ByteWriter, parquetWriteRows } from 'hyparquet-writer';
import { type Column, type Row, listOf, parquetSchema, struct, toParquetValue } from '../scripts/fixtures/columns';
import { gzipStable } from '../scripts/fixtures/gzip';
import { Rng } from '../scripts/fixtures/prng';
import { zstdStore } from '../scripts/fixtures/zstd';

export type TraceCodec = 'SNAPPY' | 'ZSTD' | 'GZIP';

/** Compressors for the codecs hyparquet-writer lacks (SNAPPY it has). */
export const COMPRESSORS = { ZSTD: zstdStore, GZIP: (input: Uint8Array) => gzipStable(input, 6) };

const TOOL_CALL = struct({ id: 'string', function: struct({ name: 'string', arguments: 'string' }) });

/** `messages` comes last and `content` last in it, so the biggest chunk ends the column data. */
export const TRACE_COLUMNS: Column[] = [
  { name: 'trajectory_id', type: 'string' },
  { name: 'resolved', type: 'int64' },
  { name: 'metadata', type: struct({ model_patch: struct({ patch: 'string' }), category: 'string', num_turns: 'int64' }) },
  { name: 'tags', type: listOf('string') },
  { name: 'messages', type: listOf(struct({ role: 'string', tool_calls: listOf(TOOL_CALL), content: 'string' })) },
];

const WORDS = ['the', 'patch', 'fixes', 'a', 'regression', 'in', 'parser', 'äöü', '日本語', 'def', 'return', '{}', 'grep -rn', 'OBSERVATION:\n', '\t', 'None'];

function text(rng: Rng, words: number): string {
  return Array.from({ length: words }, () => WORDS[rng.int(0, WORDS.length - 1)]).join(' ');
}

function message(rng: Rng, turn: number): Row {
  if (turn === 0) return { role: 'system', tool_calls: null, content: text(rng, rng.int(20, 80)) };
  if (turn % 2 === 1) {
    const calls = rng.chance(0.7) ? [{ id: `call_${turn}`, function: { name: rng.pick(['bash', 'str_replace_editor', 'finish']), arguments: JSON.stringify({ command: text(rng, rng.int(1, 40)) }) } }] : [];
    return { role: 'assistant', tool_calls: calls, content: rng.chance(0.2) ? null : text(rng, rng.int(0, 120)) };
  }
  // Observations: mostly short, sometimes huge (a whole file printed), so rows vary a lot in size.
  return { role: 'tool', tool_calls: null, content: text(rng, rng.chance(0.05) ? rng.int(2000, 6000) : rng.int(5, 200)) };
}

/** `count` rows; some have no messages, a null message list, null metadata or null resolved. */
export function traceRows(count: number, seed = 7): Row[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const turns = i % 17 === 5 ? 0 : rng.int(1, 30);
    return {
      trajectory_id: `traj-${i}-${rng.hex(6)}`,
      resolved: i % 11 === 3 ? null : rng.int(-1, 1),
      metadata: i % 13 === 4 ? null : { model_patch: { patch: rng.chance(0.2) ? null : `diff --git a/x.py b/x.py\n+${text(rng, rng.int(5, 400))}` }, category: rng.pick(['bug', 'feature']), num_turns: turns },
      tags: rng.chance(0.5) ? [rng.pick(['python', 'go']), 'swe'] : [],
      messages: i % 19 === 7 ? null : Array.from({ length: turns }, (_, t) => message(rng, t)),
    };
  });
}

/** The rows in row groups of `rowGroupSize` rows (default: one), pages of about `pageSize` bytes. */
export function writeTraces(rows: Row[], codec: TraceCodec, pageSize = 4096, rowGroupSize: number | number[] = rows.length): Uint8Array {
  const writer = new ByteWriter();
  parquetWriteRows({
    writer,
    rows: rows.map((row) => Object.fromEntries(TRACE_COLUMNS.map((c) => [c.name, toParquetValue(c.type, row[c.name])]))),
    columns: TRACE_COLUMNS.map((c) => ({ name: c.name })),
    schema: parquetSchema(TRACE_COLUMNS),
    codec,
    compressors: COMPRESSORS,
    rowGroupSize,
    pageSize,
  });
  return new Uint8Array(writer.getBuffer());
}
