/**
 * Splits a UTF-8 byte stream into text lines, chunk by chunk, never holding the whole text.
 * Yields the complete lines of each chunk together (one await per chunk, not per line).
 * Lines end at "\n"; a trailing "\r" is dropped; a last line without "\n" is still yielded.
 */
export async function* lineChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<string[]> {
  // stream: true keeps a multi-byte character cut by a chunk boundary until its last byte arrives.
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let done = false;
  // Pieces of a line still waiting for its "\n"; joined once, so a long line costs linear time.
  let pending: string[] = [];
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      const text = next.done ? decoder.decode() : decoder.decode(next.value, { stream: true });
      const lines: string[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        pending.push(text.slice(start, nl));
        lines.push(withoutCr(pending.length === 1 ? (pending[0] as string) : pending.join('')));
        pending = [];
        start = nl + 1;
      }
      if (start < text.length) pending.push(text.slice(start));
      if (done && pending.length > 0) lines.push(withoutCr(pending.join('')));
      if (lines.length > 0) yield lines;
    }
  } finally {
    // Stopped early (the caller broke out, or a read failed): let the source close its file or connection.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** True for an empty or whitespace-only line (cheap on a huge line: stops at the first non-space). */
export function isBlank(line: string): boolean {
  return !/\S/.test(line);
}
