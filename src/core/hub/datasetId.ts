import { MalformedDatasetIdError } from './hubErrors';

/** A dataset named by the user: its id, and the revision when the input gave one. */
export interface DatasetRef {
  /** owner/name */
  repo: string;
  revision?: string;
}

/** One part of a repo id as the Hub allows it: word characters, `-` and `.`, no `--` or `..`, not ending in `.`. */
const PART = /^[\w](?:[\w.-]*[\w])?$/;
const MAX_ID = 96;

/**
 * Reads what a user pastes: `owner/name`, `datasets/owner/name`, `hf://datasets/owner/name@rev`,
 * or a dataset page URL (`https://huggingface.co/datasets/owner/name/tree/<rev>/...`).
 */
export function parseDatasetRef(input: string): DatasetRef {
  const text = input.trim();
  const parts = pathParts(text);
  if (parts[0] === 'datasets') parts.shift();
  const [owner = '', nameAndRev = '', view, ...rest] = parts;
  const [name = '', atRevision] = splitAt(nameAndRev, text.startsWith('hf://'));
  const id = `${owner}/${name}`;
  if (!isRepoId(id) || (view !== undefined && !isPageUrl(text, view))) throw new MalformedDatasetIdError(input.trim());
  const revision = atRevision ?? revisionInPage(view, rest);
  return revision && revision !== 'main' ? { repo: id, revision } : { repo: id };
}

export function isRepoId(id: string): boolean {
  const parts = id.split('/');
  return parts.length === 2 && id.length <= MAX_ID && parts.every((p) => PART.test(p) && !p.includes('--') && !p.includes('..'));
}

function pathParts(text: string): string[] {
  const withoutScheme = /^https?:\/\//i.test(text) ? text.replace(/^https?:\/\/[^/]+/i, '') : text.replace(/^hf:\/\//, '');
  return withoutScheme.replace(/[?#].*$/, '').split('/').filter((p) => p !== '');
}

/** `name@rev` in hf:// paths. */
function splitAt(part: string, hfPath: boolean): [string, string?] {
  const at = part.indexOf('@');
  if (!hfPath || at === -1) return [part];
  return [part.slice(0, at), decodeURIComponent(part.slice(at + 1))];
}

/** `/tree/<rev>/...`: the revision, URL-encoded or as the raw `refs/convert/parquet` / `refs/pr/N`. */
function revisionInPage(view: string | undefined, rest: string[]): string | undefined {
  if (view !== 'tree' && view !== 'blob' && view !== 'resolve') return undefined;
  const [first = 'main', second, third] = rest;
  if (first === 'refs' && (second === 'convert' || second === 'pr') && third) return `refs/${second}/${third}`;
  return decodeURIComponent(first);
}

/** A page URL goes on with /tree/<rev>, /blob/<rev>/..., /resolve/<rev>/..., or /viewer/... */
function isPageUrl(text: string, view: string): boolean {
  return /^https?:\/\//i.test(text) && ['tree', 'blob', 'resolve', 'viewer', 'discussions'].includes(view);
}
