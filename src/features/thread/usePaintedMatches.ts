import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { FindPainter } from './findHighlight';
import type { Match } from './model/search';

/** Repaints find highlights after each render and whenever rows (or a long output's lines) change. */
export function usePaintedMatches(scroller: RefObject<HTMLDivElement | null>, painter: FindPainter, query: string, caseSensitive: boolean, current: Match | undefined): void {
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
