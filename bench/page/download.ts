import type { BenchDataset, DownloadTiming } from '../shared/protocol';

/** One plain GET of the whole shard, its body read to the end and dropped chunk by chunk. */
export async function download(dataset: BenchDataset): Promise<DownloadTiming> {
  const start = performance.now();
  const res = await fetch(dataset.fileUrl);
  if (!res.ok || !res.body) throw new Error(`GET ${dataset.fileUrl}: HTTP ${res.status}`);
  const reader = res.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  if (bytes !== dataset.fileSize) throw new Error(`GET ${dataset.fileUrl}: ${bytes} bytes, expected ${dataset.fileSize}`);
  return { bytes, ms: performance.now() - start };
}
