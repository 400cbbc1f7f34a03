/**
 * Which columns are shown and how wide, remembered in this browser across sessions. The dataset's
 * raw columns are remembered by name, for every dataset: a column shown in one dataset shows in
 * another with a column of that name (rollouts of one family share their columns).
 */
import type { ColumnSizingState, ColumnVisibilityState } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { isExtraColumn } from '../../core/query/columns';
import { defaultVisibility, VALUE_COLUMNS } from './columns';

const STORAGE_KEY = 'trajectory-explorer:browse-columns:v1';
const SAVE_AFTER_MS = 300;

interface Prefs {
  visibility: ColumnVisibilityState;
  sizing: ColumnSizingState;
}

export function useColumnPrefs() {
  const [prefs] = useState(load);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(prefs.visibility);
  const [sizing, setSizing] = useState<ColumnSizingState>(prefs.sizing);

  // Resizing changes the widths on every pointer move: save once it settles.
  useEffect(() => {
    const timer = setTimeout(() => save({ visibility, sizing }), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [visibility, sizing]);

  return { visibility, setVisibility, sizing, setSizing };
}

/** Stored preferences, keeping only known columns (or raw ones) and sane values (the store is user-editable). */
function load(): Prefs {
  const fallback = { visibility: { ...defaultVisibility }, sizing: {} };
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return fallback;
    const { visibility, sizing } = raw as Partial<Record<keyof Prefs, Record<string, unknown>>>;
    const known = (entries: Record<string, unknown> | undefined, ok: (v: unknown) => boolean) =>
      Object.fromEntries(Object.entries(entries ?? {}).filter(([id, v]) => ((VALUE_COLUMNS as readonly string[]).includes(id) || isExtraColumn(id)) && ok(v)));
    return {
      visibility: { ...fallback.visibility, ...(known(visibility, (v) => typeof v === 'boolean') as ColumnVisibilityState) },
      sizing: known(sizing, (v) => typeof v === 'number' && v >= 24 && v <= 2000) as ColumnSizingState,
    };
  } catch {
    // Unreadable or blocked storage: start from the defaults.
    return fallback;
  }
}

function save(prefs: Prefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or blocked: the columns still work for this session.
  }
}
