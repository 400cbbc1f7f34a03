import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { cardFrontMatter } from '../../src/core/hub/datasetCard';
import { sendFailure, sendJson } from './http';
import type { Repo, Snapshot } from './repoStore';
import { treeEntries, withLastCommit } from './treeListing';

/** `GET /api/datasets/<id>[/revision/<rev>]`: the Hub's dataset info; `expand=` keeps only the named fields. */
export async function sendInfo(res: ServerResponse, repo: Repo, snapshot: Snapshot, query: URLSearchParams): Promise<void> {
  const cardData = await readCardData(snapshot);
  const info: Record<string, unknown> = {
    _id: createHash('sha1').update(repo.id).digest('hex').slice(0, 24),
    id: repo.id,
    author: repo.owner,
    sha: snapshot.sha,
    lastModified: snapshot.lastModified.toISOString(),
    createdAt: snapshot.lastModified.toISOString(),
    private: repo.private !== null,
    gated: repo.gated ? 'manual' : false,
    disabled: false,
    downloads: 0,
    likes: 0,
    tags: Array.isArray(cardData?.['tags']) ? cardData['tags'] : [],
    ...(cardData ? { cardData } : {}),
    siblings: snapshot.files.map((f) => ({ rfilename: f.path })),
    usedStorage: snapshot.files.reduce((n, f) => n + f.facts.size, 0),
  };
  const expand = query.getAll('expand');
  sendJson(res, 200, expand.length > 0 ? pick(info, ['_id', 'id', ...expand]) : info);
}

export interface TreeRequest {
  repo: Repo;
  snapshot: Snapshot;
  /** The revision as the URL wrote it, for the next page's link. */
  revisionInUrl: string;
  dir: string;
  query: URLSearchParams;
  /** http://127.0.0.1:PORT */
  origin: string;
  pageSize: number;
}

/**
 * `GET /api/datasets/<id>/tree/<rev>[/<path>]?recursive=&expand=&cursor=&limit=`: one page of
 * entries, and a `Link: <...>; rel="next"` header (RFC 5988) while more remain.
 */
export function sendTree(res: ServerResponse, t: TreeRequest): void {
  const recursive = isTrue(t.query.get('recursive'));
  const expand = isTrue(t.query.get('expand'));
  const entries = treeEntries(t.snapshot, t.dir, recursive);
  if (!entries) {
    sendFailure(res, { status: 404, code: 'EntryNotFound', message: `${t.dir} does not exist on "${t.snapshot.revision}"` });
    return;
  }
  const offset = readCursor(t.query.get('cursor'));
  if (offset === undefined) {
    sendFailure(res, { status: 400, message: 'Invalid cursor' });
    return;
  }
  const limit = Number(t.query.get('limit') ?? t.pageSize);
  const size = Math.max(1, Math.min(t.pageSize, Number.isFinite(limit) ? limit : t.pageSize));
  const page = entries.slice(offset, offset + size).map((e) => (expand ? withLastCommit(e, t.snapshot) : e));
  const headers: Record<string, string> = {};
  if (offset + size < entries.length) headers['Link'] = `<${nextPage(t, offset + size)}>; rel="next"`;
  sendJson(res, 200, page, headers);
}

function nextPage(t: TreeRequest, offset: number): string {
  const query = new URLSearchParams(t.query);
  query.set('cursor', Buffer.from(`offset:${offset}`).toString('base64url'));
  const path = [encodeURIComponent(t.revisionInUrl), ...(t.dir ? t.dir.split('/').map(encodeURIComponent) : [])].join('/');
  return `${t.origin}/api/datasets/${t.repo.id}/tree/${path}?${query}`;
}

function readCursor(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

async function readCardData(snapshot: Snapshot): Promise<Record<string, unknown> | undefined> {
  const readme = snapshot.files.find((f) => f.path === 'README.md');
  return readme ? cardFrontMatter(await readFile(readme.abs, 'utf8')).data : undefined;
}

function pick(info: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in info).map((k) => [k, info[k]]));
}

function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}
