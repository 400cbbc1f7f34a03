/**
 * Where the reader is, as the URL's hash: `#d=<dataset>&t=<trajectory id>&m=<message>&v=patch`,
 * plus `&c=<other trajectory id>` when the trajectory is compared with another rollout.
 * A hash is never sent to a server, and a shared link opens the same place in a fresh tab.
 */
export type ReaderTab = 'thread' | 'patch';

export interface Route {
  dataset?: string;
  trajectory?: string;
  message?: number;
  tab?: ReaderTab;
  /** The rollout `trajectory` is compared with, side by side; `tab` then picks threads or patches. */
  compare?: string;
}

export interface ParsedRoute {
  route: Route;
  /** What of the link could not be understood; the rest of it is still followed. */
  problem?: string;
}

export function parseRoute(hash: string): ParsedRoute {
  const text = hash.replace(/^#/, '');
  if (!text) return { route: {} };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { route: {}, problem: 'This link could not be read; it opens the start page instead.' };
  }
  const route: Route = {};
  const problems: string[] = [];
  const dataset = params.get('d');
  const trajectory = params.get('t');
  const message = params.get('m');
  const tab = params.get('v');
  const compare = params.get('c');
  if (dataset) route.dataset = dataset;
  if (trajectory) {
    if (dataset) route.trajectory = trajectory;
    else problems.push('it names a trajectory but no dataset');
  }
  if (compare) {
    if (route.trajectory) route.compare = compare;
    else problems.push('it compares with a trajectory but names none to compare');
  }
  if (message !== null) {
    const n = Number(message);
    if (Number.isInteger(n) && n >= 0) route.message = n;
    else problems.push(`"${message}" is not a message number`);
  }
  if (tab === 'thread' || tab === 'patch') route.tab = tab;
  else if (tab !== null) problems.push(`"${tab}" is not a view (thread or patch)`);
  return problems.length ? { route, problem: `Part of this link was ignored: ${problems.join('; ')}.` } : { route };
}

export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  if (route.dataset) params.set('d', route.dataset);
  if (route.dataset && route.trajectory) params.set('t', route.trajectory);
  if (route.trajectory && route.compare) params.set('c', route.compare);
  if (route.trajectory && route.message !== undefined) params.set('m', String(route.message));
  if (route.trajectory && route.tab && route.tab !== 'thread') params.set('v', route.tab);
  const text = params.toString();
  return text ? `#${text}` : '';
}
