/** Decompresses a gzip byte stream with the platform's DecompressionStream (browsers, workers and Node alike). */
export function gunzip(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // The DOM typings accept only ArrayBuffer-backed chunks on the writable side; sources here never
  // produce SharedArrayBuffer-backed ones, so the wider Uint8Array is safe.
  const decompress = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  return stream.pipeThrough(decompress);
}

/** The two magic bytes every gzip member starts with. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}
