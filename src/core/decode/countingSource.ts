import type { ByteSource } from './types';

/**
 * Reports every byte a reader pulls from `source` (range slices and the stream alike), so ingest
 * progress shows bytes actually fetched rather than the file's size.
 */
export function countingSource(source: ByteSource, onBytes: (n: number) => void): ByteSource {
  return {
    name: source.name,
    size: source.size,
    async slice(start, end) {
      const buffer = await source.slice(start, end);
      onBytes(buffer.byteLength);
      return buffer;
    },
    stream() {
      return source.stream().pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            onBytes(chunk.byteLength);
            controller.enqueue(chunk);
          },
        }),
      );
    },
  };
}
