/**
 * The selected row, by id (what the rest of the app cares about) and by view position (what
 * keyboard moves need). A new sort or filter moves the row: it is found again and scrolled into
 * view. When rows arrive during an ingest it is kept in view if it was in view, so a user who
 * scrolled away to read other rows is not pulled back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RowWindows } from './useRowWindows';

export interface Selection {
  id: string;
  /** Position in the current view; undefined while unknown or when the filter hides the row. */
  position: number | undefined;
}

interface Options {
  selectedId: string | undefined;
  rows: RowWindows;
  /** Brings a view position into view. */
  scrollTo(position: number): void;
  /** The first position fully in view: where a first keyboard move starts. */
  firstVisible(): number;
  /** Whether a view position is on screen now. */
  isVisible(position: number): boolean;
  onSelect: ((id: string | undefined) => void) | undefined;
}

export interface SelectionControl {
  current: Selection | undefined;
  select(id: string, position: number): void;
  move(delta: number): void;
  moveTo(position: number): void;
  clear(): void;
}

export function useSelection({ selectedId, rows, scrollTo, firstVisible, isVisible, onSelect }: Options): SelectionControl {
  const [current, setCurrent] = useState<Selection | undefined>(selectedId === undefined ? undefined : { id: selectedId, position: undefined });
  /** A keyboard move to a row whose page has not arrived yet. */
  const pending = useRef<number | undefined>(undefined);
  const latest = useRef({ rows, scrollTo, firstVisible, isVisible, onSelect, current });
  latest.current = { rows, scrollTo, firstVisible, isVisible, onSelect, current };

  // The parent chose another row (or none).
  const lastProp = useRef(selectedId);
  useEffect(() => {
    if (lastProp.current === selectedId) return;
    lastProp.current = selectedId;
    setCurrent((c) => (selectedId === undefined ? undefined : c?.id === selectedId ? c : { id: selectedId, position: undefined }));
  }, [selectedId]);

  // Find the row in the view whenever the row, the view or the data change.
  const located = useRef({ id: undefined as string | undefined, view: rows.view });
  const id = current?.id;
  useEffect(() => {
    if (id === undefined || rows.revision === 0) return;
    const known = latest.current.current?.position;
    const scroll = located.current.id !== id || located.current.view !== rows.view || (known !== undefined && latest.current.isVisible(known));
    located.current = { id, view: rows.view };
    let live = true;
    rows.positionOf(id).then(
      (p) => {
        if (!live) return;
        const position = p < 0 ? undefined : p;
        setCurrent((c) => (c?.id === id && c.position !== position ? { id, position } : c));
        if (scroll && position !== undefined) latest.current.scrollTo(position);
      },
      () => undefined, // the table shows the worker's error from its own requests
    );
    return () => {
      live = false;
    };
  }, [id, rows.view, rows.revision, rows.positionOf]);

  const select = useCallback((rowId: string, position: number) => {
    pending.current = undefined;
    located.current = { id: rowId, view: latest.current.rows.view };
    setCurrent({ id: rowId, position });
    latest.current.onSelect?.(rowId);
  }, []);

  const moveTo = useCallback(
    (position: number) => {
      const { rows: r, scrollTo: scroll } = latest.current;
      if (r.matched === 0) return;
      const p = Math.min(r.matched - 1, Math.max(0, position));
      scroll(p);
      const row = r.rowAt(p);
      if (row) select(row.id, p);
      else pending.current = p;
    },
    [select],
  );

  const move = useCallback(
    (delta: number) => {
      // Keys pressed faster than rows arrive count from the row still on its way.
      const from = pending.current ?? latest.current.current?.position;
      moveTo(from === undefined ? latest.current.firstVisible() : from + delta);
    },
    [moveTo],
  );

  const clear = useCallback(() => {
    pending.current = undefined;
    setCurrent(undefined);
    latest.current.onSelect?.(undefined);
  }, []);

  // A keyboard move waiting for its page.
  useEffect(() => {
    const p = pending.current;
    const row = p === undefined ? undefined : rows.rowAt(p);
    if (p !== undefined && row) select(row.id, p);
  }, [rows.version, rows.rowAt, select]);

  return { current, select, move, moveTo, clear };
}
