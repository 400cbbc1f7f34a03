import { forwardRef, type RefObject } from 'react';
import { count } from './format';
import type { JumpKind, JumpTargets } from './model/jumpTargets';
import { ShortcutHelp } from './ShortcutHelp';
import type { FindState } from './useFind';

export interface ThreadToolbarProps {
  find: FindState;
  targets: JumpTargets;
  onFindStep(direction: 1 | -1): void;
  onFindClose(): void;
  onJump(kind: JumpKind, direction: 1 | -1): void;
  markdown: boolean;
  onMarkdown(on: boolean): void;
  outputsOpen: boolean;
  onOutputsOpen(open: boolean): void;
  help: RefObject<HTMLDetailsElement | null>;
}

const NAME: Record<JumpKind, string> = { call: 'tool call', error: 'error', edit: 'edit' };

const JUMPS: { kind: JumpKind; label: string; keys: [string, string] }[] = [
  { kind: 'call', label: 'Calls', keys: ['t', 'T'] },
  { kind: 'error', label: 'Errors', keys: ['e', 'E'] },
  { kind: 'edit', label: 'Edits', keys: ['d', 'D'] },
];

export const ThreadToolbar = forwardRef<HTMLInputElement, ThreadToolbarProps>(function ThreadToolbar({ find, targets, onFindStep, onFindClose, onJump, markdown, onMarkdown, outputsOpen, onOutputsOpen, help }, input) {
  const n = find.result.matches.length;
  const status = n > 0 ? `${count(find.current + 1)} / ${count(n)}${find.result.truncated ? '+' : ''}` : find.query !== '' ? 'No matches' : '';
  return (
    <div className="th-toolbar" role="toolbar" aria-label="Thread tools">
      <div className="th-find" role="search">
        <span className="th-find-icon" aria-hidden="true">⌕</span>
        <input
          ref={input}
          type="search"
          className="th-find-input"
          aria-label="Find in thread"
          aria-keyshortcuts="/ Control+F"
          placeholder="Find in thread"
          value={find.query}
          onChange={(e) => find.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F3') {
              e.preventDefault();
              onFindStep(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onFindClose();
            }
          }}
        />
        <output className="th-find-count" aria-live="polite" aria-label="Matches">
          {status}
        </output>
        <button type="button" className="th-icon-button" aria-label="Previous match" title="Previous match (Shift Enter, N)" disabled={n === 0} onClick={() => onFindStep(-1)}>
          ↑
        </button>
        <button type="button" className="th-icon-button" aria-label="Next match" title="Next match (Enter, n)" disabled={n === 0} onClick={() => onFindStep(1)}>
          ↓
        </button>
        <button type="button" className="th-icon-button th-case" aria-label="Match case" title="Match case" aria-pressed={find.caseSensitive} onClick={() => find.setCaseSensitive(!find.caseSensitive)}>
          Aa
        </button>
      </div>
      <div className="th-jumps">
        {JUMPS.map(({ kind, label, keys }) => (
          <div key={kind} className={`th-jump th-jump-${kind}`} role="group" aria-label={`${kind === 'call' ? 'Tool calls' : label}: ${targets[kind].length}`}>
            <button type="button" className="th-icon-button" aria-label={`Previous ${NAME[kind]}`} title={`Previous (${keys[1]})`} disabled={targets[kind].length === 0} onClick={() => onJump(kind, -1)}>
              ‹
            </button>
            <span className="th-jump-label">
              {label} <span className="th-jump-count">{count(targets[kind].length)}</span>
            </span>
            <button type="button" className="th-icon-button" aria-label={`Next ${NAME[kind]}`} title={`Next (${keys[0]})`} disabled={targets[kind].length === 0} onClick={() => onJump(kind, 1)}>
              ›
            </button>
          </div>
        ))}
      </div>
      <span className="th-spacer" />
      <div className="th-options">
        <label className="th-check" title="Show every tool output (O)">
          <input type="checkbox" checked={outputsOpen} onChange={(e) => onOutputsOpen(e.target.checked)} aria-keyshortcuts="Shift+O" /> Outputs
        </label>
        <label className="th-check" title="Render prose as markdown, or show the exact text">
          <input type="checkbox" checked={markdown} onChange={(e) => onMarkdown(e.target.checked)} /> Markdown
        </label>
        <ShortcutHelp ref={help} />
      </div>
    </div>
  );
});
