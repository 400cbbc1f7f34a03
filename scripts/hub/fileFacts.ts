import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** What the Hub knows of a stored file: its size and the hashes it reports as oid, lfs.oid and ETag. */
export interface FileFacts {
  size: number;
  sha256: string;
  /** Git blob id of what git stores: the file itself, or its LFS pointer. */
  oid: string;
  lfs?: { oid: string; size: number; pointerSize: number };
}

/** Files git would keep in LFS on the Hub: binary data formats, and anything of 10 MB or more. */
const LFS_EXTENSIONS = /\.(parquet|arrow|gz|zst|zip|tar|bin|npy|safetensors)$/i;
const LFS_MIN_SIZE = 10 * 1024 * 1024;

/**
 * Hashes files once per version: the cache key is the path with its size and mtime, so a file
 * rewritten on disk gets new hashes (and so a new ETag and commit) on the next request.
 */
export class FileFactsCache {
  private readonly cache = new Map<string, { key: string; facts: Promise<FileFacts> }>();

  async of(file: string): Promise<FileFacts> {
    const { size, mtimeMs } = await stat(file);
    const key = `${size}:${mtimeMs}`;
    const hit = this.cache.get(file);
    if (hit?.key === key) return hit.facts;
    const facts = hashFile(file, size);
    this.cache.set(file, { key, facts });
    facts.catch(() => this.cache.delete(file));
    return facts;
  }
}

async function hashFile(file: string, size: number): Promise<FileFacts> {
  const sha256 = createHash('sha256');
  const blob = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of createReadStream(file)) {
    sha256.update(chunk as Buffer);
    blob.update(chunk as Buffer);
  }
  const digest = sha256.digest('hex');
  if (!LFS_EXTENSIONS.test(file) && size < LFS_MIN_SIZE) return { size, sha256: digest, oid: blob.digest('hex') };
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${digest}\nsize ${size}\n`;
  return { size, sha256: digest, oid: gitBlobId(pointer), lfs: { oid: digest, size, pointerSize: pointer.length } };
}

export function gitBlobId(content: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
}
