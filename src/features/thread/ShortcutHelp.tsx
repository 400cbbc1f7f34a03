import { forwardRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The thread's keyboard shortcuts, in a disclosure the `?` key opens. */
export const ShortcutHelp = forwardRef<HTMLDetailsElement>(function ShortcutHelp(_, ref) {
  return (
    <details className="th-help" ref={ref}>
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
