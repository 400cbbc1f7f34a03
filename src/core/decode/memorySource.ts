import type { ByteSource } from './types';

/**
 * Bytes already in memory as a ByteSource: a whole-file download (the fallback when range
 * reads fail), generated content, tests. `chunkSize` sets the stream's chunk size.
 */
export function memorySource(bytes: Uint8Array, name: string, chunkSize = 1 << 16): ByteSource {
  return {
    name,
    size: bytes.byteLength,
    slice: async (start, end) => copyOf(bytes.subarray(start, end)),
    stream: () => chunkedStream(bytes, chunkSize),
  };
}

function copyOf(view: Uint8Array): ArrayBuffer {
  // A copy, so a reader that keeps or transfers the buffer never aliases the caller's bytes.
  return view.slice().buffer;
}

function chunkedStream(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}
