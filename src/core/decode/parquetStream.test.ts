import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asDataPageV1, type RepagedFile } from '../../../tests/dataPageV1';
import { traceRows, writeTraces, type TraceCodec } from '../../../tests/tracesParquet';
import { writeBroken } from '../../../scripts/fixtures/broken';
import { writeDataset } from '../../../scripts/fixtures/hfDataset';
import { datasetPlans } from '../../../scripts/fixtures/registry';
import { memorySource } from './memorySource';
import { nodeFileSource } from './nodeSource';
import { readParquet } from './parquet';
import { readParquetIncremental, type IncrementalReadOptions } from './parquetStream';
import { DecodeError, type ByteSource, type RowBatch } from './types';

// Writing and reading megabyte files twice takes about a second alone, several on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const ROWS = 300;
/** Small pieces and batches, so a test file of about a megabyte behaves like a 200 MB shard. */
const SMALL: IncrementalReadOptions = { pieceBytes: 16 << 10, targetBatchRows: 25 };

interface Counted extends ByteSource {
  /**
   * Column-data bytes asked for, as a network source would fetch them: all but the footer read
   * (hyparquet reads the last 512 KB at once, which is most of a small test file).
   */
  dataBytesRead: number;
}

function counting(source: ByteSource): Counted {
  const counted: Counted = {
    ...source,
    dataBytesRead: 0,
    slice: (start, end) => {
      if (end < source.size - 8) counted.dataBytesRead += end - start;
      return source.slice(start, end);
    },
  };
  return counted;
}

interface Read {
  batches: RowBatch[];
  rows: unknown[];
  error?: unknown;
}

async function read(batches: AsyncGenerator<RowBatch>): Promise<Read> {
  const out: Read = { batches: [], rows: [] };
  try {
    for await (const batch of batches) {
      out.batches.push(batch);
      out.rows.push(...batch.rows);
    }
  } catch (e) {
    out.error = e;
  }
  return out;
}

function expectContiguous(batches: RowBatch[], firstRow: number): void {
  let next = firstRow;
  for (const batch of batches) {
    expect(batch.firstRow).toBe(next);
    expect(batch.errors).toEqual([]);
    next += batch.rows.length;
  }
}

const files = new Map<string, Uint8Array>();
const traces = (codec: TraceCodec) => files.get(codec) ?? files.set(codec, writeTraces(traceRows(ROWS), codec)).get(codec)!;

describe.each(['SNAPPY', 'ZSTD', 'GZIP'] as const)('readParquetIncremental over one %s row group', (codec) => {
  it('yields exactly the rows readParquet reads, in several batches', async () => {
    const bytes = traces(codec);
    expect(parquetMetadata(bytes.slice().buffer).row_groups).toHaveLength(1);
    const whole = await read(readParquet(memorySource(bytes, 't.parquet')));
    const streamed = await read(readParquetIncremental(memorySource(bytes, 't.parquet'), SMALL));
    expect(streamed.error).toBeUndefined();
    expect(streamed.rows).toEqual(whole.rows);
    expect(streamed.rows).toHaveLength(ROWS);
    expect(streamed.batches.length).toBeGreaterThanOrEqual(ROWS / 25);
    expect(Math.max(...streamed.batches.map((b) => b.rows.length))).toBeLessThanOrEqual(25);
    expectContiguous(streamed.batches, 0);
  });

  it('yields the first batch after reading well under half of the file', async () => {
    const source = counting(memorySource(traces(codec), 't.parquet'));
    const reader = readParquetIncremental(source, SMALL);
    const first = await reader.next();
    expect(first.done).toBe(false);
    expect(source.dataBytesRead).toBeLessThan(source.size / 4);
    await reader.return(undefined);
  });
});

describe('readParquetIncremental, data page v1 with rows across pages (as pyarrow writes)', () => {
  let file: RepagedFile | undefined;
  const repaged = () => (file ??= asDataPageV1(traces('SNAPPY'), 97));

  it('reads the same rows as readParquet', async () => {
    const { bytes, continuedPages } = repaged();
    expect(continuedPages).toBeGreaterThan(50);
    const whole = await read(readParquet(memorySource(bytes, 'v1.parquet')));
    expect(whole.rows).toEqual(await read(readParquet(memorySource(traces('SNAPPY'), 't.parquet'))).then((r) => r.rows));
    const streamed = await read(readParquetIncremental(memorySource(bytes, 'v1.parquet'), SMALL));
    expect(streamed.error).toBeUndefined();
    expect(streamed.rows).toEqual(whole.rows);
    expectContiguous(streamed.batches, 0);
  });

  it.each<[IncrementalReadOptions]>([
    [{ rowStart: 101, rowEnd: 257 }],
    [{ rowStart: 7, rowEnd: 8, columns: ['messages'] }],
    [{ columns: ['tags', 'metadata'] }],
  ])('%j reads what readParquet reads', async (opts) => {
    const { bytes } = repaged();
    const whole = await read(readParquet(memorySource(bytes, 'v1.parquet'), opts));
    const streamed = await read(readParquetIncremental(memorySource(bytes, 'v1.parquet'), { ...SMALL, ...opts }));
    expect(streamed.error).toBeUndefined();
    expect(streamed.rows).toEqual(whole.rows);
    expectContiguous(streamed.batches, opts.rowStart ?? 0);
  });

  it('still reads little before the first batch', async () => {
    const source = counting(memorySource(repaged().bytes, 'v1.parquet'));
    const reader = readParquetIncremental(source, SMALL);
    expect((await reader.next()).done).toBe(false);
    expect(source.dataBytesRead).toBeLessThan(source.size / 4);
    await reader.return(undefined);
  });
});

describe('readParquetIncremental options', () => {
  const source = () => memorySource(traces('ZSTD'), 't.parquet');

  it.each<[IncrementalReadOptions]>([
    [{ columns: ['messages', 'trajectory_id'] }],
    [{ columns: ['metadata'] }],
    [{ columns: ['resolved', 'no_such_column'] }],
    [{ columns: ['no_such_column'] }],
    [{ rowStart: 37, rowEnd: 211 }],
    [{ rowStart: 290 }],
    [{ rowEnd: 3 }],
    [{ rowStart: 120, rowEnd: 121, columns: ['messages'] }],
  ])('%j reads what readParquet reads', async (opts) => {
    const whole = await read(readParquet(source(), opts));
    const streamed = await read(readParquetIncremental(source(), { ...SMALL, ...opts }));
    expect(streamed.error).toBeUndefined();
    expect(streamed.rows).toEqual(whole.rows);
    expectContiguous(streamed.batches, opts.rowStart ?? 0);
  });

  it('stops reading once rowEnd is reached', async () => {
    const counted = counting(source());
    const { rows } = await read(readParquetIncremental(counted, { ...SMALL, rowEnd: 5 }));
    expect(rows).toHaveLength(5);
    expect(counted.dataBytesRead).toBeLessThan(counted.size / 4);
  });

  it('reads big row groups in pieces and small ones whole, in order', async () => {
    const bytes = writeTraces(traceRows(ROWS), 'SNAPPY', 4096, [260, 40]);
    const whole = await read(readParquet(memorySource(bytes, 'groups.parquet')));
    // The 40-row group is under twice 128 KB, the 260-row one far over it.
    const streamed = await read(readParquetIncremental(memorySource(bytes, 'groups.parquet'), { pieceBytes: 128 << 10, targetBatchRows: 10 }));
    expect(streamed.rows).toEqual(whole.rows);
    const sizes = streamed.batches.map((b) => b.rows.length);
    expect(sizes.at(-1)).toBe(40);
    expect(sizes.slice(0, -1).every((n) => n <= 10)).toBe(true);
    expectContiguous(streamed.batches, 0);
  });

  it('keeps at most two pieces per big chunk in flight', async () => {
    const bytes = traces('ZSTD');
    const pieceBytes = SMALL.pieceBytes!;
    const sizes = parquetMetadata(bytes.slice().buffer).row_groups[0]!.columns.map((c) => Number(c.meta_data!.total_compressed_size));
    const big = sizes.filter((n) => n > pieceBytes).length;
    const small = sizes.filter((n) => n <= pieceBytes).reduce((a, b) => a + b, 0);
    const inner = memorySource(bytes, 't.parquet');
    let inFlight = 0;
    let most = 0;
    const slow: ByteSource = {
      ...inner,
      slice: async (start, end) => {
        const data = end < inner.size - 8;
        if (data) most = Math.max(most, (inFlight += end - start));
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (data) inFlight -= end - start;
        return inner.slice(start, end);
      },
    };
    const { rows } = await read(readParquetIncremental(slow, SMALL));
    expect(rows).toHaveLength(ROWS);
    expect(big).toBeGreaterThanOrEqual(2);
    expect(most).toBeLessThanOrEqual(small + big * 2 * pieceBytes);
  });

  it("reads no more than each column's first pages before the first rows", async () => {
    // A first row of one message: its values, and the next row's start, lie on each column's first page.
    const rows = traceRows(ROWS);
    rows[0] = { ...rows[0]!, messages: (rows[0]!.messages as unknown[]).slice(0, 1) };
    const bytes = writeTraces(rows, 'SNAPPY');
    const firstPiece = SMALL.pieceBytes! / 16;
    const inner = memorySource(bytes, 'first.parquet');
    const asked: [number, number][] = [];
    const source: ByteSource = { ...inner, slice: (start, end) => (asked.push([start, end]), inner.slice(start, end)) };
    const batches = readParquetIncremental(source, SMALL);
    const first = await batches.next();
    expect(first.value?.rows.length).toBeGreaterThan(0);
    const big = chunkSpans(bytes).filter((c) => c.end - c.start > firstPiece);
    expect(big.length).toBeGreaterThanOrEqual(2);
    for (const chunk of big) {
      // The footer read (the file's last 64 KB) is not the chunk's.
      const read = asked.filter(([s, e]) => s >= chunk.start && e <= chunk.end).reduce((n, [s, e]) => n + e - s, 0);
      // The rest of a page is read exactly; only a first piece, or one that cuts a header short, reads past it.
      expect(read, chunk.name).toBeLessThanOrEqual(firstDataPageEnd(bytes, chunk.start) - chunk.start + 3 * firstPiece);
    }
    await batches.return(undefined);
  });

  it('reads a row group under twice pieceBytes whole, as readParquet does', async () => {
    const counted = counting(source());
    const { batches } = await read(readParquetIncremental(counted, { pieceBytes: counted.size }));
    expect(batches.map((b) => b.rows.length)).toEqual([ROWS]);
  });
});

/** File offset where the `content` chunk (the last column chunk) starts, and its size. */
function contentChunk(bytes: Uint8Array): { start: number; end: number } {
  const [group] = parquetMetadata(bytes.slice().buffer).row_groups;
  const chunk = group?.columns.at(-1)?.meta_data;
  if (!chunk || chunk.path_in_schema.at(-1) !== 'content') throw new Error('content is not the last chunk');
  const start = Number(chunk.dictionary_page_offset || chunk.data_page_offset);
  return { start, end: start + Number(chunk.total_compressed_size) };
}

describe('readParquetIncremental on a damaged big chunk', () => {
  it('yields the rows before a cut, then says the chunk was truncated', async () => {
    const bytes = traces('SNAPPY');
    const { start, end } = contentChunk(bytes);
    const footer = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true) + 8;
    const cut = Math.floor(start + (end - start) * 0.6);
    const damaged = new Uint8Array([...bytes.subarray(0, cut), ...bytes.subarray(bytes.length - footer)]);
    const full = (await read(readParquet(memorySource(bytes, 'cut.parquet')))).rows;

    const streamed = await read(readParquetIncremental(memorySource(damaged, 'cut.parquet'), SMALL));
    expect(streamed.error).toBeInstanceOf(DecodeError);
    expect(String((streamed.error as Error).message)).toMatch(
      /^cut\.parquet: row group 0 \(rows 0–299\), column messages\.list\.element\.content: truncated: the column chunk needs bytes \d+–\d+ but the file's column data ends at byte \d+$/,
    );
    expect(streamed.rows.length).toBeGreaterThan(ROWS / 3);
    expect(streamed.rows).toEqual(full.slice(0, streamed.rows.length));
    // The whole-row-group reader can give none of them.
    expect((await read(readParquet(memorySource(damaged, 'cut.parquet')))).rows).toEqual([]);
  });

  it('names the page whose header is garbage', async () => {
    const bytes = traces('SNAPPY');
    const { start } = contentChunk(bytes);
    const pageStart = pageOffsets(bytes, start)[40]!;
    const damaged = bytes.slice();
    damaged.fill(0, pageStart, pageStart + 64);
    const streamed = await read(readParquetIncremental(memorySource(damaged, 'zeroed.parquet'), SMALL));
    expect((streamed.error as Error).message).toBe(
      `zeroed.parquet: row group 0 (rows 0–299), column messages.list.element.content: corrupt page header at byte ${pageStart}: unknown page type`,
    );
    expect(streamed.rows.length).toBeGreaterThan(0);
  });
});

function chunkSpans(bytes: Uint8Array): { name: string; start: number; end: number }[] {
  return parquetMetadata(bytes.slice().buffer).row_groups[0]!.columns.map((c) => {
    const meta = c.meta_data!;
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    return { name: meta.path_in_schema.join('.'), start, end: start + Number(meta.total_compressed_size) };
  });
}

/** Where the chunk's first data page (after any dictionary page) ends. */
function firstDataPageEnd(bytes: Uint8Array, start: number): number {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset), offset: start };
  for (;;) {
    const header = parquetHeader(reader);
    reader.offset += header.compressed_page_size;
    if (header.type !== 'DICTIONARY_PAGE') return reader.offset;
  }
}

function pageOffsets(bytes: Uint8Array, start: number): number[] {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset), offset: start };
  const offsets: number[] = [];
  for (let i = 0; i < 50; i++) {
    offsets.push(reader.offset);
    const { compressed_page_size: size } = parquetHeader(reader);
    reader.offset += size;
  }
  return offsets;
}

describe('readParquetIncremental over every generated fixture and golden parquet', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parquet-stream-'));
    for (const plan of datasetPlans(42)) writeDataset(dir, plan);
    writeBroken(dir, 42);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const parquetFiles = (root: string): string[] => readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) return parquetFiles(full);
    return name.endsWith('.parquet') ? [full] : [];
  });

  it('reads what readParquet reads, error for error', async () => {
    const all = [...parquetFiles(dir), ...parquetFiles(path.resolve(import.meta.dirname, '../../../fixtures/golden'))];
    expect(all.length).toBeGreaterThan(40);
    for (const file of all) {
      const whole = await read(readParquet(await nodeFileSource(file)));
      // Tiny pieces: every row group of these small files takes the incremental path.
      const streamed = await read(readParquetIncremental(await nodeFileSource(file), { pieceBytes: 256, targetBatchRows: 2 }));
      expect(streamed.rows, file).toEqual(whole.rows);
      expect(String(streamed.error), file).toBe(String(whole.error));
    }
  });
});
