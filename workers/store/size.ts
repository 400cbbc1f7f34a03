/**
 * Approximate stored size of a plain value: string lengths, 8 bytes a number, buffers' byte length.
 * Walking the value costs per node, not per character, so it is far cheaper than serializing it.
 */
export function approxSize(value: unknown): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += v.length;
    else if (typeof v === 'number' || typeof v === 'bigint') bytes += 8;
    else if (typeof v !== 'object' || v === null) bytes += 1;
    else if (!seen.has(v)) {
      seen.add(v);
      bytes += ArrayBuffer.isView(v) ? v.byteLength : pushChildren(v, stack);
    }
  }
  return bytes;
}

/** Pushes an object's values and returns the size of its keys. */
function pushChildren(v: object, stack: unknown[]): number {
  if (Array.isArray(v)) {
    for (const item of v) stack.push(item);
    return 0;
  }
  let keys = 0;
  for (const [key, item] of Object.entries(v)) {
    keys += key.length;
    stack.push(item);
  }
  return keys;
}
