import type { HubFailure } from './http';
import type { Repo } from './repoStore';

/** The Hub's answer to a token it does not know, on any request. */
export const INVALID_CREDENTIALS: HubFailure = { status: 401, message: 'Invalid credentials in Authorization header' };

/**
 * Who may see what, as on huggingface.co: an unknown token is refused outright; a missing or
 * private repository is "not found" (401 without a token, 404 with one, so its existence does
 * not leak); a gated repository shows its metadata and file list to anyone but its files only to
 * granted tokens (401 without a token, 403 with one that was not granted).
 */
export function checkAccess(repo: Repo | undefined, token: string | undefined, knownTokens: ReadonlySet<string>, scope: 'metadata' | 'files'): HubFailure | undefined {
  if (token !== undefined && !knownTokens.has(token) && !repo?.gated?.has(token) && !repo?.private?.has(token)) return INVALID_CREDENTIALS;
  if (!repo || (repo.private && !(token && repo.private.has(token)))) {
    return { status: token ? 404 : 401, code: 'RepoNotFound', message: 'Repository not found' };
  }
  if (scope === 'files' && repo.gated && !(token && repo.gated.has(token))) {
    return token
      ? { status: 403, code: 'GatedRepo', message: `Access to dataset ${repo.id} is restricted and you are not in the authorized list. Visit the dataset page to ask for access.` }
      : { status: 401, code: 'GatedRepo', message: `Access to dataset ${repo.id} is restricted. You must have access to it and be authenticated to access it. Please log in.` };
  }
  return undefined;
}
