import type { MouseEvent } from 'react';

/** A plain click on an in-app link stays in this tab (true, default prevented); a modified or middle click opens it as the browser would. */
export function plainClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  e.preventDefault();
  return true;
}
