import { useCallback, useMemo, useState } from 'react';

const EMPTY: ReadonlyMap<string, boolean> = new Map();

/**
 * Per-message view state (collapsed, reasoning open, output shown in full) kept above the
 * virtualized rows, so a row scrolled out and back keeps it, and find can open what it reveals.
 * Keys are `${message}:${part}`; a part without a flag has its default.
 */
export interface RowFlags {
  get(message: number, part: string, fallback: boolean): boolean;
  set(message: number, part: string, value: boolean): void;
  /** Forgets a part's flag on these messages: they go back to the default. */
  clear(part: string, messages: readonly number[]): void;
}

/** Flags start over when `owner` (the trajectory) changes. */
export function useRowFlags(owner: unknown): RowFlags {
  const [state, setState] = useState<{ owner: unknown; flags: ReadonlyMap<string, boolean> }>({ owner, flags: new Map() });
  const flags = state.owner === owner ? state.flags : EMPTY;
  const setFlags = useCallback(
    (update: (old: ReadonlyMap<string, boolean>) => ReadonlyMap<string, boolean>) =>
      setState((s) => {
        const old = s.owner === owner ? s.flags : EMPTY;
        const next = update(old);
        return next === old && s.owner === owner ? s : { owner, flags: next };
      }),
    [owner],
  );
  const set = useCallback((message: number, part: string, value: boolean) => {
    setFlags((old) => {
      const key = `${message}:${part}`;
      if (old.get(key) === value) return old;
      const next = new Map(old);
      next.set(key, value);
      return next;
    });
  }, [setFlags]);
  const clear = useCallback(
    (part: string, messages: readonly number[]) =>
      setFlags((old) => {
        const next = new Map(old);
        for (const m of messages) next.delete(`${m}:${part}`);
        return next;
      }),
    [setFlags],
  );
  return useMemo(() => ({ get: (message, part, fallback) => flags.get(`${message}:${part}`) ?? fallback, set, clear }), [flags, set, clear]);
}
