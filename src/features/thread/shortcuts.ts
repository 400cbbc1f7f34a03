/** Keyboard shortcuts of the thread: one table for the handler and for the help the UI shows. */
export type Command =
  | 'find'
  | 'match-next'
  | 'match-prev'
  | 'message-next'
  | 'message-prev'
  | 'call-next'
  | 'call-prev'
  | 'error-next'
  | 'error-prev'
  | 'edit-next'
  | 'edit-prev'
  | 'toggle-open'
  | 'toggle-reasoning'
  | 'toggle-outputs'
  | 'help';

export interface Shortcut {
  /** Keys as shown to the reader. */
  keys: string[];
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['/', 'Ctrl F'], does: 'Find in thread' },
  { keys: ['Enter', 'Shift Enter'], does: 'Next / previous match (in the find box)' },
  { keys: ['n', 'N'], does: 'Next / previous match' },
  { keys: ['j', 'k'], does: 'Next / previous message' },
  { keys: ['t', 'T'], does: 'Next / previous tool call' },
  { keys: ['e', 'E'], does: 'Next / previous error' },
  { keys: ['d', 'D'], does: 'Next / previous edit' },
  { keys: ['o'], does: 'Expand / collapse the selected message' },
  { keys: ['r'], does: 'Show / hide the selected message’s reasoning' },
  { keys: ['O'], does: 'Show / hide all tool outputs' },
  { keys: ['Esc'], does: 'Leave the find box' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

const PLAIN: Record<string, Command> = {
  '/': 'find',
  n: 'match-next',
  N: 'match-prev',
  j: 'message-next',
  k: 'message-prev',
  t: 'call-next',
  T: 'call-prev',
  e: 'error-next',
  E: 'error-prev',
  d: 'edit-next',
  D: 'edit-prev',
  o: 'toggle-open',
  r: 'toggle-reasoning',
  O: 'toggle-outputs',
  '?': 'help',
};

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The command a key press means. Single keys act only outside text fields (`typing`), so they never
 * eat what a reader types; Ctrl/⌘ F always opens find.
 */
export function commandFor(e: KeyInput, typing: boolean): Command | undefined {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') return 'find';
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return Object.hasOwn(PLAIN, e.key) ? PLAIN[e.key] : undefined;
}
