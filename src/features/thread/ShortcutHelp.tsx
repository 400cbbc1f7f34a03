import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The thread's keyboard shortcuts, in a disclosure the `?` key opens; Escape or a click elsewhere closes it. */
export const ShortcutHelp = forwardRef<HTMLDetailsElement | null>(function ShortcutHelp(_, ref) {
  const details = useRef<HTMLDetailsElement>(null);
  useImperativeHandle(ref, () => details.current as HTMLDetailsElement);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      const el = details.current;
      if (!el) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <details className="th-help" ref={details} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="th-button" aria-keyshortcuts="?">
        <span aria-hidden="true">⌨</span> Shortcuts
      </summary>
      <div className="th-help-panel" role="group" aria-label="Keyboard shortcuts">
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ' / ' : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
