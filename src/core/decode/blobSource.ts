import type { ByteSource } from './types';

/** A browser File or any Blob as a ByteSource (Blob is global in Node too). Slices are lazy range reads. */
export function blobSource(file: Blob & { name?: string }, name?: string): ByteSource {
  return {
    name: name ?? file.name ?? 'blob',
    size: file.size,
    slice: (start, end) => file.slice(start, end).arrayBuffer(),
    stream: () => file.stream(),
  };
}
