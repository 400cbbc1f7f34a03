/** The "Columns" menu: show or hide each column, grouped as in the table (the dataset's raw columns last); reset to the defaults. */
import type { Column } from '@tanstack/react-table';
import { useEffect, useId, useRef, useState } from 'react';
import type { RowView } from '../../../workers/query/queryApi';
import { EXTRA_GROUP, GROUPS, type BrowseFeatures } from './columns';

interface Props {
  columns: Column<BrowseFeatures, RowView, unknown>[];
  onReset(): void;
}

export function ColumnPicker({ columns, onReset }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const shown = columns.filter((c) => c.getIsVisible()).length;

  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <div
      className="browse-picker"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" className="button browse-picker-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Columns <span className="browse-picker-count">{shown}</span>
      </button>
      {open && (
        <div id={panelId} className="browse-picker-panel" role="group" aria-label="Shown columns">
          {GROUPS.map((group) => ({ group, members: columns.filter((c) => c.columnDef.meta?.group === group) }))
            .filter(({ members }) => members.length > 0)
            .map(({ group, members }) => (
              <fieldset key={group} className={group === EXTRA_GROUP ? 'browse-picker-group browse-picker-extras' : 'browse-picker-group'}>
                <legend>{group}</legend>
                {members.map((c) => (
                  <label key={c.id} className="browse-picker-option" title={c.columnDef.meta?.description}>
                    <input type="checkbox" checked={c.getIsVisible()} disabled={!c.getCanHide() || (c.getIsVisible() && shown === 1)} onChange={c.getToggleVisibilityHandler()} />
                    {typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
                  </label>
                ))}
              </fieldset>
            ))}
          <button type="button" className="button browse-picker-reset" onClick={onReset}>
            Reset columns
          </button>
        </div>
      )}
    </div>
  );
}
