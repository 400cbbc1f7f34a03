import { useCallback, useEffect, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { isOpen } from './MessageRow';
import { nextTarget, type JumpKind, type JumpTargets } from './model/jumpTargets';
import type { ThreadItem } from './model/threadModel';
import { commandFor, type Command } from './shortcuts';
import type { FindState } from './useFind';
import type { RowFlags } from './useRowFlags';

const JUMP_NAMES: Record<JumpKind, string> = { call: 'Tool call', error: 'Error', edit: 'Edit' };

export interface CommandContext {
  items: readonly ThreadItem[];
  targets: JumpTargets;
  flags: RowFlags;
  find: FindState;
  /** The selected message, or -1. */
  selected: RefObject<number>;
  /** The message at the top of the view. */
  topVisible: RefObject<number>;
  goTo(message: number): void;
  findInput: RefObject<HTMLInputElement | null>;
  help: RefObject<HTMLDetailsElement | null>;
  keyboardScope: 'thread' | 'document';
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** What the toolbar and the keyboard do: jumps, find steps, toggles; and the key handler. */
export function useThreadCommands(c: CommandContext) {
  const { items, targets, flags, find, selected, topVisible, goTo, findInput, help, keyboardScope } = c;
  const [outputsOpen, setOutputsOpen] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const here = useCallback(() => (selected.current >= 0 ? selected.current : topVisible.current), [selected, topVisible]);

  const open = useCallback(
    (message: number) => {
      const item = items[message];
      if (item && !isOpen(flags, item, outputsOpen)) flags.set(message, 'open', true);
    },
    [items, flags, outputsOpen],
  );

  const jump = useCallback(
    (kind: JumpKind, direction: 1 | -1) => {
      // With nothing selected, "next" may land on the message at the top of the view.
      const from = selected.current >= 0 ? selected.current : direction === 1 ? topVisible.current - 1 : topVisible.current;
      const to = nextTarget(targets[kind], from, direction);
      if (to === undefined) {
        setAnnouncement(`No ${direction === 1 ? 'later' : 'earlier'} ${JUMP_NAMES[kind].toLowerCase()}`);
        return;
      }
      open(to);
      setAnnouncement(`${JUMP_NAMES[kind]} ${targets[kind].indexOf(to) + 1} of ${targets[kind].length}: message ${to}`);
      goTo(to);
    },
    [targets, selected, topVisible, open, goTo],
  );

  // Showing or hiding all outputs overrides what was toggled one by one.
  const showOutputs = useCallback(
    (show: boolean) => {
      flags.clear('open', items.filter((i) => i.kind === 'observation').map((i) => i.index));
      setOutputsOpen(show);
    },
    [flags, items],
  );

  const run = useCallback(
    (command: Command) => {
      const at = here();
      const item = items[at];
      switch (command) {
        case 'find':
          findInput.current?.focus();
          findInput.current?.select();
          return;
        case 'match-next':
        case 'match-prev':
          find.step(command === 'match-next' ? 1 : -1);
          return;
        case 'message-next':
          goTo(Math.min(items.length - 1, selected.current >= 0 ? at + 1 : at));
          return;
        case 'message-prev':
          goTo(Math.max(0, at - 1));
          return;
        case 'toggle-open':
          if (item) flags.set(at, 'open', !isOpen(flags, item, outputsOpen));
          return;
        case 'toggle-reasoning':
          if (item?.message.reasoning) flags.set(at, 'reasoning', !flags.get(at, 'reasoning', false));
          return;
        case 'toggle-outputs':
          showOutputs(!outputsOpen);
          return;
        case 'help':
          if (help.current) help.current.open = !help.current.open;
          return;
        default: {
          const [kind, way] = command.split('-') as [JumpKind, 'next' | 'prev'];
          jump(kind, way === 'next' ? 1 : -1);
        }
      }
    },
    [here, items, findInput, find, goTo, selected, flags, outputsOpen, showOutputs, help, jump],
  );

  const onKey = useCallback(
    (e: KeyboardEvent | ReactKeyboardEvent) => {
      const command = commandFor(e, isTyping(e.target));
      if (!command) return;
      e.preventDefault();
      run(command);
    },
    [run],
  );
  useEffect(() => {
    if (keyboardScope !== 'document') return;
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keyboardScope, onKey]);

  return { outputsOpen, showOutputs, open, jump, onKey, announcement };
}
