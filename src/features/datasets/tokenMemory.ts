/**
 * Hub access tokens live in this tab's sessionStorage only: never in IndexedDB, links, exports or
 * logs. A resumed ingest of a gated dataset picks its token up from here.
 */
import type { DatasetStatus, HubTarget } from '../../../workers/datasetsApi';

const KEY = 'trajectory-explorer.hub-tokens';

function read(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const scope = (endpoint: string | undefined, repo: string | undefined) => `${endpoint ?? ''} ${repo ?? ''}`;

export function rememberToken(target: HubTarget): void {
  const all = read();
  const k = scope(target.endpoint, target.repo);
  if (target.token) all[k] = target.token;
  else delete all[k];
  sessionStorage.setItem(KEY, JSON.stringify(all));
}

export function tokenFor(dataset: DatasetStatus | undefined): string | undefined {
  if (!dataset) return undefined;
  return read()[scope(dataset.endpoint, dataset.repo)];
}

/** The last endpoint typed (not a secret: kept across sessions), so a mirror need not be retyped. */
export function lastEndpoint(): string | undefined {
  return localStorage.getItem(`${KEY}.endpoint`) ?? undefined;
}

export function rememberEndpoint(endpoint: string | undefined): void {
  if (endpoint) localStorage.setItem(`${KEY}.endpoint`, endpoint);
  else localStorage.removeItem(`${KEY}.endpoint`);
}
