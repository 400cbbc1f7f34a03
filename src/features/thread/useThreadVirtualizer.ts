import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ThreadItem } from './model/threadModel';

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

/** Quiet time after scrolling before the top message is reported. */
const SCROLL_REPORT_MS = 150;

/**
 * The thread's virtualizer (measured row heights), which messages are in view, and a report of
 * the top one once scrolling settles.
 */
export function useThreadVirtualizer(scroller: RefObject<HTMLDivElement | null>, items: readonly ThreadItem[], trajectoryId: string, onScrolledTo: RefObject<((index: number) => void) | undefined>) {
  const topVisible = useRef(0);
  const report = useRef({ timer: 0, last: -1 });
  const [inView, setInView] = useState({ first: 0, last: 0 });
  const estimate = useCallback((i: number) => estimateSize(items[i]), [items]);
  // Heights measured for one trajectory say nothing about the next one's rows.
  const itemKey = useCallback((i: number) => `${trajectoryId}#${i}`, [trajectoryId]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: estimate,
    getItemKey: itemKey,
    overscan: 3,
    useFlushSync: false,
    onChange: (instance) => {
      const offset = instance.scrollOffset ?? 0;
      const top = instance.getVirtualItems().find((v) => v.end > offset + 1)?.index;
      if (top === undefined) return;
      topVisible.current = top;
      const last = instance.range?.endIndex ?? top;
      setInView((old) => (old.first === top && old.last === last ? old : { first: top, last }));
      window.clearTimeout(report.current.timer);
      report.current.timer = window.setTimeout(() => {
        if (top === report.current.last) return;
        report.current.last = top;
        onScrolledTo.current?.(top);
      }, SCROLL_REPORT_MS);
    },
  });
  useEffect(() => {
    const r = report.current;
    return () => window.clearTimeout(r.timer);
  }, []);
  // A place the reader picks outranks where the view stands: a report still waiting for the scroll
  // to settle is dropped, and the top row now in view counts as told, so that a re-measure that
  // leaves it there does not report it over the pick.
  const placePicked = useCallback(() => {
    window.clearTimeout(report.current.timer);
    report.current.last = topVisible.current;
  }, []);
  return { virtualizer, topVisible, inView, placePicked };
}
