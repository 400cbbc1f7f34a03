import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { blobSource } from './blobSource';
import { gunzip } from './gzip';
import { memorySource } from './memorySource';
import { nodeFileSource } from './nodeSource';
import { readRows } from './readRows';
import { DecodeError, type ByteSource, type RowBatch } from './types';

const encode = (s: string) => new TextEncoder().encode(s);

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')));
}

async function collect(source: ByteSource, opts = {}): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  for await (const batch of readRows(source, opts)) out.push(batch);
  return out;
}

const rowsOf = (batches: RowBatch[]) => batches.flatMap((b) => b.rows);

const JSONL = Array.from({ length: 30 }, (_, id) => JSON.stringify({ id, text: `zeile ${id} ü` })).join('\n') + '\n';
const ROWS = Array.from({ length: 30 }, (_, id) => ({ id, text: `zeile ${id} ü` }));

describe('gunzip', () => {
  it('round-trips through CompressionStream', async () => {
    const plain = encode(JSONL.repeat(50));
    const back = await bytesOf(gunzip(new Blob([await gzip(plain)]).stream()));
    expect(new TextDecoder().decode(back) === JSONL.repeat(50)).toBe(true);
  });
});

describe('readRows', () => {
  it('reads JSONL, gzipped JSONL, and gzip whose name does not say what is inside', async () => {
    const zipped = await gzip(encode(JSONL));
    expect(rowsOf(await collect(memorySource(encode(JSONL), 'a.jsonl')))).toEqual(ROWS);
    expect(rowsOf(await collect(memorySource(zipped, 'output.jsonl.gz', 5)))).toEqual(ROWS);
    expect(rowsOf(await collect(memorySource(zipped, 'download')))).toEqual(ROWS);
  });

  it('reads gzipped JSON documents', async () => {
    const messages = [{ role: 'user', content: 'hi' }];
    const zipped = await gzip(encode(JSON.stringify(messages, null, 1)));
    expect(rowsOf(await collect(memorySource(zipped, 'run.traj.json.gz')))).toEqual([{ messages }]);
  });

  it('reads parquet', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'id', data: [1, 2, 3], type: 'INT32' }] });
    expect(rowsOf(await collect(memorySource(new Uint8Array(buffer), 'x.parquet')))).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('applies rowStart, rowEnd, columns and batchSize to text files too', async () => {
    const batches = await collect(memorySource(encode(JSONL), 'a.jsonl'), { rowStart: 5, rowEnd: 12, columns: ['id', 'missing'], batchSize: 4 });
    expect(batches.map((b) => b.firstRow)).toEqual([5, 9]);
    expect(rowsOf(batches)).toEqual([5, 6, 7, 8, 9, 10, 11].map((id) => ({ id })));
  });

  it('names the file when gzip data is corrupt', async () => {
    const zipped = await gzip(encode(JSONL.repeat(20)));
    const cut = zipped.slice(0, zipped.length - 40);
    const error = await collect(memorySource(cut, 'cut.jsonl.gz')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect(String(error)).toMatch(/cut\.jsonl\.gz/);
    const garbage = zipped.slice();
    garbage.fill(0x55, 10, 60);
    const error2 = await collect(memorySource(garbage, 'bad.jsonl.gz')).catch((e: unknown) => e);
    expect(error2).toBeInstanceOf(DecodeError);
    expect(String(error2)).toMatch(/bad\.jsonl\.gz/);
  });

  it('refuses a file it does not recognize, naming it', async () => {
    await expect(collect(memorySource(encode('hello world'), 'notes.txt'))).rejects.toThrow(/^notes\.txt: unknown file type/);
  });
});

describe('blobSource', () => {
  it('reads a File by its name, and a Blob by the name given', async () => {
    const file = new File([JSONL], 'from-disk.jsonl');
    const source = blobSource(file);
    expect(source.name).toBe('from-disk.jsonl');
    expect(source.size).toBe(encode(JSONL).length);
    expect(new Uint8Array(await source.slice(0, 8))).toEqual(encode(JSONL).slice(0, 8));
    expect(rowsOf(await collect(source))).toEqual(ROWS);
    expect(blobSource(new Blob(['x']), 'named.json').name).toBe('named.json');
    expect(blobSource(new Blob(['x'])).name).toBe('blob');
  });
});

describe('nodeFileSource', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'decode-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads ranges and streams a local file', async () => {
    const path = join(dir, 'big.jsonl');
    const big = JSONL.repeat(3000); // > 1 MB: several stream chunks
    await writeFile(path, big);
    const source = await nodeFileSource(path);
    expect(source.name).toBe(path);
    expect(source.size).toBe(encode(big).length);
    expect(new TextDecoder().decode(await source.slice(3, 20))).toBe(big.slice(3, 20));
    expect(new Uint8Array(await source.slice(source.size - 5, source.size + 100)).length).toBe(5);
    // toEqual on megabytes of Uint8Array is slow: compare as text.
    expect(new TextDecoder().decode(await bytesOf(source.stream())) === big).toBe(true);
    expect(rowsOf(await collect(source)).length).toBe(90_000);
  });

  it('can be stopped early (the handle closes on cancel)', async () => {
    const path = join(dir, 'early.jsonl');
    await writeFile(path, JSONL.repeat(100));
    for await (const batch of readRows(await nodeFileSource(path))) {
      expect(batch.firstRow).toBe(0);
      break;
    }
  });

  it('rejects a missing file with the Node error', async () => {
    await expect(nodeFileSource(join(dir, 'nope.parquet'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
