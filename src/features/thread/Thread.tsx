import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Features, Trajectory } from '../../core/types';
import { FindPainter } from './findHighlight';
import { MessageRow } from './MessageRow';
import { jumpTargets } from './model/jumpTargets';
import type { Match } from './model/search';
import { buildThread, type ThreadItem } from './model/threadModel';
import { ThreadMinimap } from './ThreadMinimap';
import { ThreadSummary, ThreadWarnings } from './ThreadSummary';
import { ThreadToolbar } from './ThreadToolbar';
import { useFind } from './useFind';
import { usePaintedMatches } from './usePaintedMatches';
import { useReveal, type PaintInput } from './useReveal';
import { useRowFlags } from './useRowFlags';
import { useThreadCommands } from './useThreadCommands';
import { useThreadVirtualizer } from './useThreadVirtualizer';

export type MessageChangeCause = 'select' | 'scroll';

export interface ThreadProps {
  trajectory: Trajectory;
  /** Shown in the summary line (tokens, patch size); the thread computes what else it needs. */
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

function clampIndex(i: number | undefined, n: number): number {
  if (i === undefined || !Number.isInteger(i) || n === 0) return -1;
  return Math.min(n - 1, Math.max(0, i));
}

/** A trajectory as a chat thread: virtualized, searchable, with jumps between calls, errors and edits. */
export function Thread({ trajectory, features, initialMessage, onMessageChange, keyboardScope = 'thread' }: ThreadProps) {
  const items = useMemo(() => buildThread(trajectory), [trajectory]);
  const targets = useMemo(() => jumpTargets(items), [items]);
  const flags = useRowFlags(trajectory);
  const [selected, setSelected] = useState(() => clampIndex(initialMessage, items.length));
  const [markdown, setMarkdown] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const help = useRef<HTMLDetailsElement>(null);
  const onChange = useRef(onMessageChange);
  onChange.current = onMessageChange;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onScrolledTo = useRef((i: number) => onChange.current?.(i, 'scroll'));
  const { virtualizer, topVisible, inView, placePicked } = useThreadVirtualizer(scroller, items, trajectory.id, onScrolledTo);

  const find = useFind(items, () => (selectedRef.current >= 0 ? selectedRef.current : topVisible.current));
  const painter = useMemo(() => new FindPainter(), []);
  useEffect(() => () => painter.clear(), [painter]);
  const paintInput = useRef<PaintInput>({ query: '', caseSensitive: false });
  paintInput.current = { query: find.result.query, caseSensitive: find.caseSensitive };
  const reveal = useReveal(scroller, virtualizer, painter, paintInput);
  usePaintedMatches(scroller, painter, find.result.query, find.caseSensitive, find.currentMatch);

  const select = useCallback(
    (i: number) => {
      setSelected(i);
      if (i === selectedRef.current) return;
      placePicked();
      onChange.current?.(i, 'select');
    },
    [placePicked],
  );
  const goTo = useCallback(
    (i: number, match?: Match) => {
      select(i);
      reveal(match ? { message: i, match } : { message: i });
    },
    [select, reveal],
  );
  const commands = useThreadCommands({ items, targets, flags, find, selected: selectedRef, topVisible, goTo, findInput, help, keyboardScope });

  // Deep links: the URL names a message; go there on mount, when it changes, and for a new
  // trajectory (the top when none is named). The URL already says so: no onMessageChange.
  useEffect(() => {
    const i = clampIndex(initialMessage, items.length);
    setSelected(i);
    if (i >= 0) reveal({ message: i });
    else scroller.current?.scrollTo({ top: 0 });
  }, [initialMessage, items, reveal]);

  // Only a new current match scrolls (opening what hides it); the callbacks change on every toggle.
  const revealMatch = useRef<(m: Match) => void>(() => undefined);
  revealMatch.current = (m: Match) => {
    commands.open(m.message);
    goTo(m.message, m);
  };
  useEffect(() => {
    if (find.currentMatch) revealMatch.current(find.currentMatch);
  }, [find.currentMatch]);

  const matchedMessages = useMemo(() => new Set(find.result.matches.map((m) => m.message)), [find.result]);
  const virtualItems = virtualizer.getVirtualItems();
  return (
    <div className="thread" onKeyDown={keyboardScope === 'thread' ? commands.onKey : undefined}>
      <ThreadToolbar
        ref={findInput}
        find={find}
        targets={targets}
        onFindStep={(d) => find.step(d)}
        onFindClose={() => scroller.current?.focus()}
        onJump={commands.jump}
        markdown={markdown}
        onMarkdown={setMarkdown}
        outputsOpen={commands.outputsOpen}
        onOutputsOpen={commands.showOutputs}
        help={help}
      />
      <ThreadSummary items={items} features={features} />
      <ThreadWarnings warnings={trajectory.warnings} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {commands.announcement}
      </div>
      <div className="thread-body">
        <div ref={scroller} className="thread-scroll" tabIndex={0} role="feed" aria-label={`Messages of ${trajectory.instanceId ?? trajectory.id}`} aria-busy="false">
          {items.length === 0 ? <p className="th-empty">This trajectory has no messages.</p> : null}
          <div className="thread-canvas" style={{ height: virtualizer.getTotalSize() }}>
            <div className="thread-window" style={{ transform: `translateY(${virtualItems[0]?.start ?? 0}px)` }}>
              {virtualItems.map((v) => (
                <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className="thread-row">
                  <MessageRow
                    item={items[v.index] as ThreadItem}
                    items={items}
                    selected={v.index === selected}
                    flags={flags}
                    markdown={markdown}
                    outputsOpen={commands.outputsOpen}
                    reveal={find.currentMatch?.message === v.index ? find.currentMatch : undefined}
                    onSelect={select}
                    onJump={goTo}
                  />
                </div>
              ))}
            </div>
          </div>
        </div>
        <ThreadMinimap items={items} targets={targets} matches={matchedMessages} first={inView.first} last={inView.last} selected={selected} onPick={goTo} />
      </div>
    </div>
  );
}
