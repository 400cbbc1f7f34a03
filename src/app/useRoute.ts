import { useCallback, useEffect, useState } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

/**
 * The route, kept in the URL hash. Opening a dataset or a trajectory is a history entry (Back
 * returns); moving through messages replaces the current one, so Back never steps message by message.
 */
export function useRoute(): { route: Route; problem: string | undefined; navigate(next: Route, how?: 'push' | 'replace'): void } {
  const [state, setState] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setState(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const navigate = useCallback((next: Route, how: 'push' | 'replace' = 'push') => {
    const url = `${window.location.pathname}${window.location.search}${formatRoute(next)}`;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState({ route: next });
  }, []);
  return { route: state.route, problem: state.problem, navigate };
}
