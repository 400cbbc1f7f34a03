import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { FindPainter } from './findHighlight';
import type { Match } from './model/search';

/** Frames to wait for a row to mount and settle (heights are measured as rows render). */
const MAX_FRAMES = 40;
/** Where a revealed match lands: this fraction down the view. */
const MATCH_AT = 1 / 3;

export interface RevealTarget {
  message: number;
  match?: Match;
}

export interface PaintInput {
  query: string;
  caseSensitive: boolean;
}

/**
 * Brings a message (and a find match inside it) into view in a virtualized list of measured rows:
 * scroll to the row's estimated place, wait for it to mount and be measured, then correct until it
 * (or the match's text range) sits where it should.
 */
export function useReveal(scroller: RefObject<HTMLElement | null>, virtualizer: Virtualizer<HTMLDivElement, Element>, painter: FindPainter, paint: RefObject<PaintInput>) {
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback(
    (target: RevealTarget) => {
      cancelAnimationFrame(frame.current);
      let frames = 0;
      let settled = 0;
      const tick = () => {
        const el = scroller.current;
        if (!el || frames++ > MAX_FRAMES) return;
        const row = el.querySelector<HTMLElement>(`[data-message-index="${target.message}"]`);
        if (!row) {
          virtualizer.scrollToIndex(target.message, { align: 'start' });
          frame.current = requestAnimationFrame(tick);
          return;
        }
        const view = el.getBoundingClientRect();
        const range = target.match ? painter.paint(el, paint.current.query, paint.current.caseSensitive, target.match) : undefined;
        const rect = range?.getBoundingClientRect();
        const delta = rect && rect.height > 0 ? matchDelta(rect, view, el.clientHeight) : target.match && frames < 6 ? undefined : rowDelta(row.getBoundingClientRect(), view);
        if (delta === undefined) {
          frame.current = requestAnimationFrame(tick);
          return;
        }
        if (Math.abs(delta) > 2) {
          el.scrollTop += delta;
          settled = 0;
        } else if (++settled >= 2) return;
        frame.current = requestAnimationFrame(tick);
      };
      frame.current = requestAnimationFrame(tick);
    },
    [scroller, virtualizer, painter, paint],
  );
}

/** A match already comfortably in view stays put; otherwise it goes a third of the way down. */
function matchDelta(rect: DOMRect, view: DOMRect, height: number): number {
  const margin = 48;
  if (rect.top >= view.top + margin && rect.bottom <= view.bottom - margin) return 0;
  return rect.top - view.top - height * MATCH_AT;
}

/** A row goes to the top of the view (a little below it, so its header shows). */
function rowDelta(rect: DOMRect, view: DOMRect): number {
  return rect.top - view.top - 6;
}
