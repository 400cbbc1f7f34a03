import type { AsyncBuffer } from 'hyparquet';
import { DecodeError, type ByteSource } from './types';

/**
 * The ByteSource as the AsyncBuffer hyparquet reads from, checking every read: a range past the
 * end (a footer pointing beyond a cut file) or a short answer becomes a DecodeError saying so,
 * rather than a DataView RangeError deep inside the decoder.
 */
export function asyncBufferOf(source: ByteSource): AsyncBuffer {
  // The footer is read as one suffix of the file (FOOTER_FETCH_BYTES): for a small file that is the
  // whole file, so later reads inside it are served from it instead of fetched again.
  let tail: { start: number; bytes: Promise<ArrayBuffer> } | undefined;
  return {
    byteLength: source.size,
    slice(start: number, end = source.size) {
      if (tail && start >= tail.start && end <= source.size && start <= end) {
        const from = tail.start;
        return tail.bytes.then((b) => b.slice(start - from, end - from));
      }
      const read = checkedSlice(source, start, end);
      if (end === source.size && (!tail || start < tail.start)) tail = { start, bytes: read };
      // hyparquet prefetches ranges eagerly; one it never awaits (its read failed first
      // elsewhere) must not surface as an unhandled rejection. Awaiters still see the error.
      read.catch(() => undefined);
      return read;
    },
  };
}

async function checkedSlice(source: ByteSource, start: number, end: number): Promise<ArrayBuffer> {
  if (!(start >= 0 && start <= end && end <= source.size)) {
    throw new DecodeError(source.name, `truncated or corrupt: needs bytes ${start}–${end} but the file is ${source.size} bytes`);
  }
  const bytes = await source.slice(start, end);
  if (bytes.byteLength !== end - start) {
    throw new DecodeError(source.name, `short read: asked for bytes ${start}–${end}, got ${bytes.byteLength} (did the file change while being read?)`);
  }
  return bytes;
}
