import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { findMatches, firstMatchFrom, type Match, type SearchResult } from './model/search';
import type { ThreadItem } from './model/threadModel';

export interface FindState {
  query: string;
  setQuery(query: string): void;
  caseSensitive: boolean;
  setCaseSensitive(on: boolean): void;
  result: SearchResult;
  /** Index into `result.matches`; -1 when there is none. */
  current: number;
  currentMatch: Match | undefined;
  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step(direction: 1 | -1): Match | undefined;
}

/** Find-in-thread state: the query, its matches (searched while typing, deferred), the current one. */
export function useFind(items: readonly ThreadItem[], startAt: () => number): FindState {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const deferred = useDeferredValue(query);
  const result = useMemo(() => findMatches(items, deferred, { caseSensitive }), [items, deferred, caseSensitive]);
  const [current, setCurrent] = useState(-1);
  useEffect(() => {
    setCurrent(result.matches.length === 0 ? -1 : firstMatchFrom(result.matches, startAt()));
    // Only a new result moves the current match; the reader's position is read then.
  }, [result]);
  const step = useCallback(
    (direction: 1 | -1) => {
      const n = result.matches.length;
      if (n === 0) return undefined;
      const next = current < 0 ? (direction === 1 ? 0 : n - 1) : (current + direction + n) % n;
      setCurrent(next);
      return result.matches[next];
    },
    [result, current],
  );
  return { query, setQuery, caseSensitive, setCaseSensitive, result, current, currentMatch: result.matches[current], step };
}
