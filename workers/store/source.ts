import { StoreError } from './errors';
import type { DatasetRecord, DatasetSource } from './records';

/** Query parameters that carry credentials: Hub tokens, presigned S3 / Azure SAS signatures. */
const SECRET_PARAM = /token|secret|auth|credential|signature|^sig$|^key$|api[-_]?key/i;

/** The record as stored: only known fields, so a stray token on the input can never be persisted. */
export function cleanDataset(record: Omit<DatasetRecord, 'created' | 'updated'>, created: number, updated: number): DatasetRecord {
  const { key } = record;
  if (typeof key !== 'string' || key === '') throw new StoreError('A dataset needs a non-empty key.');
  if (record.mode !== 'sample' && record.mode !== 'full') throw new StoreError(`Dataset ${key}: mode must be "sample" or "full", not ${JSON.stringify(record.mode)}.`);
  if (!Number.isInteger(record.sampleRows) || record.sampleRows < 0) throw new StoreError(`Dataset ${key}: sampleRows must be a whole number ≥ 0, not ${record.sampleRows}.`);
  const clean: DatasetRecord = {
    key,
    source: cleanSource(key, record.source),
    mode: record.mode,
    sampleRows: record.sampleRows,
    selection: record.selection.map(({ config, split }) => ({ config, split })),
    created,
    updated,
  };
  if (record.commit !== undefined) clean.commit = record.commit;
  return clean;
}

function cleanSource(key: string, source: DatasetSource): DatasetSource {
  switch (source.kind) {
    case 'hub':
      return { kind: 'hub', repo: source.repo, revision: source.revision, endpoint: checkedAddress(key, source.endpoint) };
    case 'local':
      return { kind: 'local', label: source.label };
    case 'url':
      return { kind: 'url', url: checkedAddress(key, source.url) };
    default:
      throw new StoreError(`Dataset ${key}: unknown source kind ${JSON.stringify((source as { kind: unknown }).kind)}.`);
  }
}

function checkedAddress(key: string, address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new StoreError(`Dataset ${key}: ${JSON.stringify(address)} is not a valid URL.`);
  }
  const secret = url.username || url.password ? 'a user name or password' : secretParam(url);
  if (secret) throw new StoreError(`Dataset ${key}: the address carries credentials (${secret}); credentials are never stored, so give the address without them.`);
  return address;
}

function secretParam(url: URL): string | undefined {
  const name = [...url.searchParams.keys()].find((p) => SECRET_PARAM.test(p));
  return name === undefined ? undefined : `the "${name}" parameter`;
}
