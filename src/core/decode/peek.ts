/**
 * Reads the first `size` bytes of a stream (fewer if it ends sooner) and returns them with a
 * stream that still yields everything, those bytes included: sniff a compressed file's content
 * without reading it twice.
 */
export async function peekStream(
  stream: ReadableStream<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < size && !done) {
      const next = await reader.read();
      done = next.done;
      if (next.value) {
        seen.push(next.value);
        length += next.value.byteLength;
      }
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  return { head: concat(seen).subarray(0, size), stream: replay(seen, reader, done) };
}

function replay(seen: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>, done: boolean): ReadableStream<Uint8Array> {
  const queue = [...seen];
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = queue.shift();
      if (chunk) return controller.enqueue(chunk);
      if (done) return controller.close();
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
