import { blobSource } from '../../src/core/decode/blobSource';
import type { ByteSource } from '../../src/core/decode/types';
import type { DatasetRecord, ShardRecord } from '../store';
import { httpByteSource } from '../sources/httpSource';
import type { RunSecrets } from './datasetJobs';

/** The resolve URL of a file at the dataset's recorded commit, so a moving branch never mixes versions. */
export function resolveUrl(endpoint: string, repo: string, commit: string, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${endpoint}/datasets/${repo}/resolve/${encodeURIComponent(commit)}/${encoded}`;
}

/** Bytes of a shard: ranged HTTP for Hub and URL datasets, the handed-over File for local ones. */
export async function openShard(dataset: DatasetRecord, shard: ShardRecord, secrets: RunSecrets, localFile: (path: string) => File | undefined): Promise<ByteSource> {
  const { source } = dataset;
  if (source.kind === 'local') {
    const file = localFile(shard.path);
    if (!file) throw new Error(`${shard.path}: the file is not at hand after the page reloaded; open it again to continue.`);
    return blobSource(file, shard.path);
  }
  const url = source.kind === 'hub' ? resolveUrl(source.endpoint, source.repo, dataset.commit ?? source.revision, shard.path) : source.url;
  return httpByteSource(url, { name: shard.path, size: shard.size, ...(secrets.token ? { token: secrets.token } : {}) });
}
