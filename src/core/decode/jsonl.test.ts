import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl';
import { DecodeError, type RowBatch } from './types';

const encode = (s: string) => new TextEncoder().encode(s);

/** A stream that delivers `bytes` cut at the given offsets. */
function streamCutAt(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const bounds = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  const pieces = bounds.slice(1).map((end, i) => bytes.slice(bounds[i], end));
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function collect(batches: AsyncIterable<RowBatch>): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

const rowsOf = (batches: RowBatch[]) => batches.flatMap((b) => b.rows);
const errorsOf = (batches: RowBatch[]) => batches.flatMap((b) => b.errors);

// Multi-byte characters of every UTF-8 length, \r\n endings, blank lines, a line with no final \n.
const SAMPLE = [
  '{"id":0,"text":"héllo wörld"}',
  '{"id":1,"text":"日本語のテキスト"}\r',
  '',
  '   ',
  '{"id":2,"text":"emoji 🧪🚀 and \\u00e9"}',
  '{"id":3,"nested":{"messages":[{"role":"user","content":"ünïcode"}]}}',
].join('\n');

describe('readJsonl', () => {
  it('reads rows, skipping blank lines without counting them', async () => {
    const batches = await collect(readJsonl(streamCutAt(encode(SAMPLE), []), 'a.jsonl'));
    expect(rowsOf(batches).map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect(rowsOf(batches)[1]).toEqual({ id: 1, text: '日本語のテキスト' });
    expect(batches[0]?.firstRow).toBe(0);
  });

  it('yields identical rows wherever the chunks are cut, even inside a multi-byte character', async () => {
    const bytes = encode(SAMPLE);
    const expected = await collect(readJsonl(streamCutAt(bytes, []), 'a.jsonl'));
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect(readJsonl(streamCutAt(bytes, [cut]), 'a.jsonl'))).toEqual(expected);
    }
    // One byte per chunk: every character boundary split at once.
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
    expect(await collect(readJsonl(streamCutAt(bytes, everyByte), 'a.jsonl'))).toEqual(expected);
  });

  it('is independent of chunking for arbitrary text and cuts (property)', async () => {
    const line = fc.oneof(
      fc.record({ s: fc.string({ unit: 'binary', maxLength: 12 }), n: fc.integer() }).map((o) => JSON.stringify(o)),
      fc.constantFrom('', ' ', '{bad json', '42', '[1]'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 10 }), async (lines, eol, cuts) => {
        const bytes = encode(lines.join(eol));
        const whole = await collect(readJsonl(streamCutAt(bytes, []), 'p.jsonl', 3));
        const cut = await collect(readJsonl(streamCutAt(bytes, cuts.map((c) => c % (bytes.length + 1))), 'p.jsonl', 3));
        expect(cut).toEqual(whole);
        const nonBlank = lines.filter((l) => l.trim() !== '');
        expect(rowsOf(whole).length + errorsOf(whole).length).toBe(nonBlank.length);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a malformed line into a RowError with its row index and reads on', async () => {
    const text = ['{"id":0}', '{"id":1}', '', '{"id": 2,,}', '{"id":3}', '7', '{"id":5}'].join('\n');
    const batches = await collect(readJsonl(streamCutAt(encode(text), []), 'bad.jsonl'));
    expect(rowsOf(batches).map((r) => r.id)).toEqual([0, 1, 3, 5]);
    const errors = errorsOf(batches);
    expect(errors.map((e) => e.row)).toEqual([2, 4]);
    expect(errors[0]?.message).toMatch(/^line 4: invalid JSON/);
    expect(errors[1]?.message).toMatch(/^line 6: expected a JSON object, got a number/);
    // Rows keep their identity: rows[i] is row firstRow + i.
    for (const batch of batches) batch.rows.forEach((row, i) => expect(row.id).toBe(batch.firstRow + i));
  });

  it('batches by batchSize', async () => {
    const text = Array.from({ length: 250 }, (_, id) => JSON.stringify({ id })).join('\n');
    const batches = await collect(readJsonl(streamCutAt(encode(text), [1000, 2000]), 'a.jsonl', 100));
    expect(batches.map((b) => [b.firstRow, b.rows.length])).toEqual([[0, 100], [100, 100], [200, 50]]);
  });

  it('reads only rowStart..rowEnd and stops reading at rowEnd', async () => {
    const text = Array.from({ length: 50 }, (_, id) => JSON.stringify({ id })).join('\n') + '\nnot json at all';
    let cancelled = false;
    const bytes = encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16) controller.enqueue(bytes.slice(i, i + 16));
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const batches = await collect(readJsonl(stream, 'a.jsonl', 10, { rowStart: 15, rowEnd: 27 }));
    expect(batches.map((b) => b.firstRow)).toEqual([15, 25]);
    expect(rowsOf(batches).map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => 15 + i));
    expect(errorsOf(batches)).toEqual([]);
    expect(cancelled).toBe(true);
  });

  it('cancels the stream when the caller stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encode('{"a":1}\n'.repeat(200)));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const batch of readJsonl(stream, 'endless.jsonl')) {
      expect(batch.rows.length).toBe(100);
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('names the file and the row when the stream itself fails', async () => {
    const read = collect(readJsonl(streamThatFails(), 'net.jsonl'));
    await expect(read).rejects.toThrow(DecodeError);
    await expect(read).rejects.toThrow(/^net\.jsonl: read failed after 2 rows: connection reset$/);
  });
});

function streamThatFails(): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new Error('connection reset'));
      sent = true;
      controller.enqueue(encode('{"a":1}\n{"a":2}\n'));
    },
  });
}
