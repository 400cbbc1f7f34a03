// The one CLI-only file in src/core: it reads the local file system.
import { open, stat } from 'node:fs/promises';
import type { ByteSource } from './types';

const CHUNK_BYTES = 1 << 20;

/** A local file as a ByteSource; `path` is also its name in messages. No handle stays open between reads. */
export async function nodeFileSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path);
  return {
    name: path,
    size,
    slice: (start, end) => readRange(path, start, end),
    stream: () => fileStream(path),
  };
}

async function readRange(path: string, start: number, end: number): Promise<ArrayBuffer> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(Math.max(0, end - start));
    let filled = 0;
    // read() may return fewer bytes than asked; stop early only at the end of the file.
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.buffer.slice(0, filled);
  } finally {
    await handle.close();
  }
}

function fileStream(path: string): ReadableStream<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let position = 0;
  const close = async () => {
    const h = handle;
    handle = undefined;
    await h?.close();
  };
  return new ReadableStream<Uint8Array>({
    async start() {
      handle = await open(path, 'r');
    },
    async pull(controller) {
      if (!handle) return controller.close();
      try {
        const chunk = new Uint8Array(CHUNK_BYTES);
        const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
        position += bytesRead;
        if (bytesRead > 0) controller.enqueue(chunk.subarray(0, bytesRead));
        if (bytesRead === 0) {
          await close();
          controller.close();
        }
      } catch (e) {
        await close().catch(() => undefined);
        controller.error(e);
      }
    },
    cancel: close,
  }, { highWaterMark: 0 });
}
