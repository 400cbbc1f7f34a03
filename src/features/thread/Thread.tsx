import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Features, Trajectory } from '../../core/types';
import { FindPainter } from './findHighlight';
import { count, plural, shortCount } from './format';
import { isOpen, MessageRow } from './MessageRow';
import { jumpTargets, nextTarget, type JumpKind } from './model/jumpTargets';
import type { Match } from './model/search';
import { buildThread, type ThreadItem } from './model/threadModel';
import { commandFor, type Command } from './shortcuts';
import { ThreadMinimap } from './ThreadMinimap';
import { ThreadToolbar } from './ThreadToolbar';
import { useFind } from './useFind';
import { useReveal, type PaintInput } from './useReveal';
import { useRowFlags } from './useRowFlags';

export type MessageChangeCause = 'select' | 'scroll';

export interface ThreadProps {
  trajectory: Trajectory;
  /** Shown in the summary line (messages, tokens); the thread computes what it needs without them. */
  features?: Features;
  /** Message index to select and scroll to on mount, and whenever the prop changes (deep links). */
  initialMessage?: number;
  /**
   * The reader's place changed: `select` when a message is selected (click, keys, a jump, find),
   * `scroll` when scrolling brings another message to the top of the view.
   */
  onMessageChange?(index: number, cause: MessageChangeCause): void;
  /** Where single-key shortcuts listen: the thread only (default), or the whole document. */
  keyboardScope?: 'thread' | 'document';
}

const JUMP_NAMES: Record<JumpKind, string> = { call: 'Tool call', error: 'Error', edit: 'Edit' };

/** Row height guesses before measurement; close guesses keep deep links and jumps steady. */
function estimateSize(item: ThreadItem | undefined): number {
  if (!item) return 80;
  if (item.kind === 'system' || item.kind === 'task') return 96;
  if (item.kind === 'observation') return 70 + 19 * Math.min(30, lineCount(item.observation?.output ?? ''));
  return 90 + item.calls.length * 110 + Math.min(400, item.prose.length / 4);
}

function lineCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0 && n < 31; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** A trajectory as a chat thread: virtualized, searchable, with jumps between calls, errors and edits. */
export function Thread({ trajectory, features, initialMessage, onMessageChange, keyboardScope = 'thread' }: ThreadProps) {
  const items = useMemo(() => buildThread(trajectory), [trajectory]);
  const targets = useMemo(() => jumpTargets(items), [items]);
  const flags = useRowFlags(trajectory);
  const [selected, setSelected] = useState(() => clampIndex(initialMessage, items.length));
  const [markdown, setMarkdown] = useState(true);
  const [outputsOpen, setOutputsOpen] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const help = useRef<HTMLDetailsElement>(null);
  const onChange = useRef(onMessageChange);
  onChange.current = onMessageChange;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const topVisible = useRef(0);
  const scrollReport = useRef<{ timer: number; last: number }>({ timer: 0, last: -1 });
  const [inView, setInView] = useState({ first: 0, last: 0 });

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimateSize(items[i]),
    overscan: 3,
    useFlushSync: false,
    onChange: (instance) => {
      const offset = instance.scrollOffset ?? 0;
      const top = instance.getVirtualItems().find((v) => v.end > offset + 1)?.index;
      if (top === undefined) return;
      topVisible.current = top;
      const last = instance.range?.endIndex ?? top;
      setInView((old) => (old.first === top && old.last === last ? old : { first: top, last }));
      window.clearTimeout(scrollReport.current.timer);
      scrollReport.current.timer = window.setTimeout(() => {
        if (top !== scrollReport.current.last) {
          scrollReport.current.last = top;
          onChange.current?.(top, 'scroll');
        }
      }, 150);
    },
  });
  useEffect(() => () => window.clearTimeout(scrollReport.current.timer), []);

  const find = useFind(items, () => (selectedRef.current >= 0 ? selectedRef.current : topVisible.current));
  const painter = useMemo(() => new FindPainter(), []);
  useEffect(() => () => painter.clear(), [painter]);
  const paintInput = useRef<PaintInput>({ query: '', caseSensitive: false });
  paintInput.current = { query: find.result.query, caseSensitive: find.caseSensitive };
  const reveal = useReveal(scroller, virtualizer, painter, paintInput);

  const select = useCallback((i: number) => {
    setSelected(i);
    if (i !== selectedRef.current) onChange.current?.(i, 'select');
  }, []);
  const goTo = useCallback(
    (i: number, match?: Match) => {
      select(i);
      reveal(match ? { message: i, match } : { message: i });
    },
    [select, reveal],
  );

  // Deep links: the URL names a message; go there on mount and when it changes.
  useEffect(() => {
    const i = clampIndex(initialMessage, items.length);
    if (i >= 0) goTo(i);
  }, [initialMessage, items.length, goTo]);

  const revealMatch = useCallback(
    (m: Match | undefined) => {
      if (!m) return;
      const item = items[m.message];
      if (item && !isOpen(flags, item, outputsOpen)) flags.set(m.message, 'open', true);
      goTo(m.message, m);
    },
    [items, flags, goTo, outputsOpen],
  );
  // Only a new current match scrolls; revealMatch itself changes whenever a row is toggled.
  const revealMatchRef = useRef(revealMatch);
  revealMatchRef.current = revealMatch;
  useEffect(() => revealMatchRef.current(find.currentMatch), [find.currentMatch]);

  const jump = useCallback(
    (kind: JumpKind, direction: 1 | -1) => {
      const from = selectedRef.current >= 0 ? selectedRef.current : direction === 1 ? topVisible.current - 1 : topVisible.current;
      const to = nextTarget(targets[kind], from, direction);
      if (to === undefined) {
        setAnnouncement(`No ${direction === 1 ? 'later' : 'earlier'} ${JUMP_NAMES[kind].toLowerCase()}`);
        return;
      }
      const item = items[to];
      if (item && !isOpen(flags, item, outputsOpen)) flags.set(to, 'open', true);
      setAnnouncement(`${JUMP_NAMES[kind]} ${targets[kind].indexOf(to) + 1} of ${targets[kind].length}: message ${to}`);
      goTo(to);
    },
    [targets, items, flags, goTo, outputsOpen],
  );

  // Showing or hiding all outputs overrides what was toggled one by one.
  const showOutputs = useCallback(
    (open: boolean) => {
      flags.clear('open', items.filter((i) => i.kind === 'observation').map((i) => i.index));
      setOutputsOpen(open);
    },
    [flags, items],
  );

  const run = useCallback(
    (command: Command) => {
      const here = selectedRef.current >= 0 ? selectedRef.current : topVisible.current;
      const item = items[here];
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
        case 'message-prev': {
          const to = Math.min(items.length - 1, Math.max(0, here + (command === 'message-next' ? (selectedRef.current >= 0 ? 1 : 0) : -1)));
          goTo(to);
          return;
        }
        case 'toggle-open':
          if (item) flags.set(here, 'open', !isOpen(flags, item, outputsOpen));
          return;
        case 'toggle-reasoning':
          if (item?.message.reasoning) flags.set(here, 'reasoning', !flags.get(here, 'reasoning', false));
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
    [items, find, goTo, flags, jump, outputsOpen, showOutputs],
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

  usePaintedMatches(scroller, painter, find.result.query, find.caseSensitive, find.currentMatch);
  const matchedMessages = useMemo(() => new Set(find.result.matches.map((m) => m.message)), [find.result]);

  const virtualItems = virtualizer.getVirtualItems();
  return (
    <div className="thread" ref={root} onKeyDown={keyboardScope === 'thread' ? onKey : undefined}>
      <ThreadToolbar
        ref={findInput}
        find={find}
        targets={targets}
        onFindStep={(d) => find.step(d)}
        onFindClose={() => scroller.current?.focus()}
        onJump={jump}
        markdown={markdown}
        onMarkdown={setMarkdown}
        outputsOpen={outputsOpen}
        onOutputsOpen={showOutputs}
        help={help}
      />
      <Summary items={items} features={features} />
      {trajectory.warnings.length > 0 ? (
        <details className="th-warnings">
          <summary>{plural(trajectory.warnings.length, 'warning')} while reading this record</summary>
          <ul>
            {trajectory.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <div className="thread-body">
        <div ref={scroller} className="thread-scroll" tabIndex={0} role="feed" aria-label={`Messages of ${trajectory.instanceId ?? trajectory.id}`} aria-busy="false">
          {items.length === 0 ? <p className="th-empty">This trajectory has no messages.</p> : null}
          <div className="thread-canvas" style={{ height: virtualizer.getTotalSize() }}>
            <div className="thread-window" style={{ transform: `translateY(${virtualItems[0]?.start ?? 0}px)` }}>
              {virtualItems.map((v) => {
                const item = items[v.index] as ThreadItem;
                return (
                  <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className="thread-row">
                    <MessageRow
                      item={item}
                      items={items}
                      selected={v.index === selected}
                      flags={flags}
                      markdown={markdown}
                      outputsOpen={outputsOpen}
                      reveal={find.currentMatch?.message === v.index ? find.currentMatch : undefined}
                      onSelect={select}
                      onJump={goTo}
                    />
                  </div>
                );
              })}
            </div>
          </div>
        </div>
        <ThreadMinimap items={items} targets={targets} matches={matchedMessages} first={inView.first} last={inView.last} selected={selected} onPick={goTo} />
      </div>
    </div>
  );
}

function clampIndex(i: number | undefined, n: number): number {
  if (i === undefined || !Number.isInteger(i) || n === 0) return -1;
  return Math.min(n - 1, Math.max(0, i));
}

/** Repaints find highlights after each render and whenever rows (or a long output's lines) change. */
function usePaintedMatches(scroller: React.RefObject<HTMLDivElement | null>, painter: FindPainter, query: string, caseSensitive: boolean, current: Match | undefined) {
  const input = useRef({ query, caseSensitive, current });
  input.current = { query, caseSensitive, current };
  const frame = useRef(0);
  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) painter.paint(el, input.current.query, input.current.caseSensitive, input.current.current);
    });
  }, [scroller, painter]);
  useEffect(schedule);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new MutationObserver(() => {
      if (input.current.query !== '') schedule();
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [scroller, schedule]);
}

function Summary({ items, features }: { items: readonly ThreadItem[]; features: Features | undefined }) {
  const calls = items.reduce((n, i) => n + i.calls.length, 0);
  const errors = items.filter((i) => i.observation?.error).length;
  return (
    <p className="th-summary">
      <span>{plural(items.length, 'message')}</span>
      <span>{plural(calls, 'tool call')}</span>
      <span className={errors > 0 ? 'th-summary-bad' : undefined}>{plural(errors, 'error')}</span>
      {features ? (
        <span title={features.tokensExact ? 'cl100k_base tokens of all message texts' : 'Estimated (characters / 4) until exact counts are in'}>
          {features.tokensExact ? '' : '≈'}
          {shortCount(features.tokens)} tokens
        </span>
      ) : null}
      {features && features.patchFiles > 0 ? (
        <span>
          patch: {plural(features.patchFiles, 'file')}, <span className="th-add">+{count(features.patchAdd)}</span> <span className="th-del">−{count(features.patchDel)}</span>
        </span>
      ) : null}
    </p>
  );
}
