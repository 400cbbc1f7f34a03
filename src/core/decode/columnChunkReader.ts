import type { DecodedArray, PageHeader } from 'hyparquet';
import { parquetHeader, readPage } from 'hyparquet/src/column.js';
import { convert } from 'hyparquet/src/convert.js';
import { getMaxRepetitionLevel, isFlatColumn } from 'hyparquet/src/schema.js';
import type { ColumnDecoder } from 'hyparquet/src/types.js';
import type { ChunkPieces } from './chunkPieces';
import { reasonOf } from './types';

/** A page header this big without parsing is not a header (page statistics are the only large part). */
const MAX_HEADER_BYTES = 1 << 20;

/** Bytes joined at a time while a header is incomplete: more than nearly any header, far less than a piece. */
const HEADER_STEP = 64 << 10;

/** Where one leaf column chunk lies in the file. */
export interface ChunkSpan {
  start: number;
  end: number;
  /** Where the file's column data ends: a chunk reaching past it was cut short. */
  dataEnd: number;
}

interface ParsedHeader {
  header: PageHeader;
  /** Bytes of the header itself; the page's data follows. */
  size: number;
}

/**
 * Decodes one leaf column chunk page by page as its bytes arrive, and hands out the values of
 * complete rows in order. In a repeated column a row can continue on the next page, so its
 * last row is complete only once the next row starts or the chunk ends.
 */
export class ColumnChunkReader {
  readonly path: string[];
  /** The path joined by dots, as hyparquet names a leaf. */
  readonly name: string;
  private completed = 0;
  private done = false;
  private readonly queue: unknown[] = [];
  /** The row still being read: hyparquet's list assembly continues it on the next page. */
  private pending: unknown[] = [];
  private readonly repeated: boolean;
  private readonly flat: boolean;
  private dictionary: DecodedArray | undefined;
  private buffer: Uint8Array = new Uint8Array(0);
  /** The rest of the last piece taken, right after `buffer` in the file: joined to it only as needed. */
  private spare: Uint8Array | undefined;
  /** File offset of buffer[0]. */
  private at: number;
  private header: ParsedHeader | undefined;
  /** The first page's bytes being fetched ahead of `step`; a failure surfaces in `step`. */
  private prefetched: Promise<void> | undefined;

  constructor(
    private readonly decoder: ColumnDecoder,
    private readonly span: ChunkSpan,
    private readonly pieces: ChunkPieces,
    private readonly groupRows: number,
  ) {
    this.path = decoder.pathInSchema;
    this.name = this.path.join('.');
    this.repeated = getMaxRepetitionLevel(decoder.schemaPath) > 0;
    this.flat = isFlatColumn(decoder.schemaPath);
    this.at = span.start;
  }

  /** Rows complete so far (handed out or waiting to be). */
  get rows(): number {
    return this.completed;
  }

  /** Every page has been decoded. */
  get finished(): boolean {
    return this.done;
  }

  /** The next page can be decoded without waiting for bytes (or fails at once). */
  get canStep(): boolean {
    try {
      const header = this.bufferedHeader();
      return (header !== undefined && this.buffer.length >= header.size + header.header.compressed_page_size) || this.spare !== undefined || this.pieces.arrived;
    } catch {
      return true;
    }
  }

  /**
   * Fetches the first page's bytes now (the first piece, then the rest of the page its header
   * names), so that the columns' first pages travel in parallel instead of one column at a time.
   */
  prefetchFirstPage(): void {
    const fetching = this.nextHeader().then(({ header, size }) => this.fill(size + header.compressed_page_size));
    fetching.catch(() => undefined); // seen by `step`, if the rows are still wanted
    this.prefetched = fetching;
  }

  /** Keeps reading ahead of the decoder from now on. */
  readAhead(): void {
    this.pieces.readAhead();
  }

  /** Reads and decodes the next page (fetching its bytes if need be). */
  async step(): Promise<void> {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    await prefetched;
    const { header, size } = await this.nextHeader();
    const pageEnd = size + header.compressed_page_size;
    await this.fill(pageEnd);
    try {
      this.decode(header, size);
    } catch (e) {
      throw new Error(`page at byte ${this.at}: ${reasonOf(e)}`);
    }
    this.buffer = this.buffer.subarray(pageEnd);
    this.at += pageEnd;
    this.header = undefined;
    if (this.atEnd()) this.finish();
  }

  /** The values of the next `count` complete rows. */
  take(count: number): unknown[] {
    return this.queue.splice(0, count);
  }

  private decode(header: PageHeader, size: number): void {
    const reader = { view: new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength), offset: size };
    if (header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(reader, header, this.decoder, undefined, undefined, 0);
      if (data) this.dictionary = convert(data, this.decoder);
      return;
    }
    // An empty page adds nothing (and hyparquet's list assembly would make it an empty row).
    if (valueCount(header) === 0) return;
    const { data } = readPage(reader, header, this.decoder, this.dictionary, this.pending, 0);
    if (!data) return;
    // Without levels hyparquet returns the page's values as they are: each one a whole row.
    if (data !== this.pending) return this.complete(data, data.length);
    this.complete(this.pending, this.repeated ? Math.max(0, data.length - 1) : data.length);
    this.pending = this.pending.splice(this.pending.length - (this.repeated ? 1 : 0));
  }

  private complete(values: DecodedArray, count: number): void {
    for (let i = 0; i < count; i++) this.queue.push(values[i]);
    this.completed += count;
  }

  private atEnd(): boolean {
    // The same end test as hyparquet's readColumn, which tolerates one stray trailing byte.
    return this.at >= this.span.end - 1 || (this.flat && this.rows >= this.groupRows);
  }

  private finish(): void {
    this.complete(this.pending, this.pending.length);
    this.pending = [];
    this.done = true;
    if (this.rows < this.groupRows) throw new Error(`the column chunk ended after ${this.rows} of ${this.groupRows} rows`);
  }

  private async nextHeader(): Promise<ParsedHeader> {
    for (;;) {
      const header = this.bufferedHeader();
      if (header) return header;
      if (this.buffer.length >= MAX_HEADER_BYTES || this.exhausted) {
        this.checkNotCut(this.buffer.length + 1);
        throw new Error(`corrupt page header at byte ${this.at}: no whole header in the ${this.buffer.length} bytes that follow`);
      }
      await this.fill(this.buffer.length + 1, false);
    }
  }

  /** The next page's header if the buffer holds all of it (parsed once); throws on a corrupt one. */
  private bufferedHeader(): ParsedHeader | undefined {
    if (this.header || this.buffer.length === 0) return this.header;
    const reader = { view: new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength), offset: 0 };
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch {
      return undefined; // cut off by the end of the buffer (or corrupt: told apart once no more bytes come)
    }
    // A header that parses is whole; one that makes no sense is corrupt.
    const problem = headerProblem(header, this.at + reader.offset, this.span.end);
    if (problem) throw new Error(`corrupt page header at byte ${this.at}: ${problem}`);
    this.header = { header, size: reader.offset };
    return this.header;
  }

  /** Makes the buffer hold at least `bytes` bytes; `exact` when just those are needed (a page's rest), not just more. */
  private async fill(bytes: number, exact = true): Promise<void> {
    while (this.buffer.length < bytes) {
      if (this.exhausted) {
        this.checkNotCut(bytes);
        throw new Error(`the column chunk (bytes ${this.span.start}–${this.span.end}) ends inside the page at byte ${this.at}`);
      }
      const next = this.spare ?? (await this.pieces.take(exact ? bytes - this.buffer.length : 0));
      this.spare = undefined;
      this.append(next, exact ? bytes - this.buffer.length : HEADER_STEP);
    }
  }

  /** No bytes left to take. */
  private get exhausted(): boolean {
    return this.spare === undefined && this.pieces.exhausted;
  }

  private checkNotCut(bytes: number): void {
    if (this.span.end <= this.span.dataEnd || this.at + bytes <= this.span.dataEnd) return;
    throw new Error(`truncated: the column chunk needs bytes ${this.span.start}–${this.span.end} but the file's column data ends at byte ${this.span.dataEnd}`);
  }

  /**
   * Adds the next bytes. An empty buffer becomes the piece itself; otherwise only `wanted` of it
   * is copied behind the buffer (a page that spans two pieces) and the rest is kept as it is, so
   * a piece of many pages is not copied whole for the sake of the one that crosses into it.
   */
  private append(piece: Uint8Array, wanted: number): void {
    if (this.buffer.length === 0) {
      this.buffer = piece;
      return;
    }
    const used = piece.subarray(0, Math.max(1, Math.min(piece.length, wanted)));
    if (used.length < piece.length) this.spare = piece.subarray(used.length);
    const joined = new Uint8Array(this.buffer.length + used.length);
    joined.set(this.buffer);
    joined.set(used, this.buffer.length);
    this.buffer = joined;
  }

}

function headerProblem(header: PageHeader, dataStart: number, chunkEnd: number): string | undefined {
  const { type, compressed_page_size: size } = header;
  if (type === undefined) return 'unknown page type';
  if (!Number.isInteger(size) || size < 0) return `page size ${String(size)}`;
  if (dataStart + size > chunkEnd) return `it claims ${size} bytes of data, past the column chunk's end at byte ${chunkEnd}`;
  return undefined;
}

function valueCount(header: PageHeader): number | undefined {
  return (header.data_page_header ?? header.data_page_header_v2)?.num_values;
}
