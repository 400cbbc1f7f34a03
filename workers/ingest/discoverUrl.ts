import { dataFileKind } from '../../src/core/hub/layout';
import type { DatasetPlan } from '../datasetsApi';
import { httpByteSource } from '../sources/httpSource';
import { rowCountOf } from './rowCountOf';

/** A plain URL to one data file: a plan of one config, one split, one file. */
export async function discoverUrl(url: string): Promise<DatasetPlan> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.split('/').pop() ?? '') || parsed.hostname;
  const kind = dataFileKind(name);
  if (!kind) throw new Error(`${url}: not a data file this app reads (.parquet, .jsonl, .json, optionally .gz)`);
  const source = await httpByteSource(url, { name });
  const rows = kind.kind === 'parquet' ? await rowCountOf(source) : null;
  return {
    repo: url,
    revision: 'url',
    commit: '',
    endpoint: parsed.origin,
    via: 'url',
    configs: [{ name: 'default', splits: [{ name: 'train', files: [{ path: name, size: source.size, rows, kind: kind.kind }] }] }],
    warnings: [],
  };
}

export function looksLikeUrl(input: string): boolean {
  return /^https?:\/\//i.test(input.trim()) && dataFileKind(new URL(input.trim()).pathname) !== undefined;
}
