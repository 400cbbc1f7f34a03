import type { Match } from './model/search';

/** Names used by thread.css: `::highlight(thread-find)`, `::highlight(thread-find-current)`. */
const ALL = 'thread-find';
const CURRENT = 'thread-find-current';
/** Ranges painted per pass; the rest are counted by the search but not painted. */
const MAX_RANGES = 3000;

function registry(): { all: Highlight; current: Highlight } | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return undefined;
  const get = (name: string) => {
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      CSS.highlights.set(name, h);
    }
    return h;
  };
  return { all: get(ALL), current: get(CURRENT) };
}

/**
 * Paints find matches in whatever part of a thread is on the page, with the CSS Custom
 * Highlight API: no DOM changes, so React's tree, markdown and highlighted code stay as they are.
 * Each painter removes only its own ranges (several threads may share a page).
 */
export class FindPainter {
  private owned: Range[] = [];

  /** Paints every occurrence under `root`; returns the range of `current` when it is on the page. */
  paint(root: HTMLElement, query: string, caseSensitive: boolean, current: Match | undefined): Range | undefined {
    const reg = registry();
    this.clear();
    if (query === '') return undefined;
    let found: Range | undefined;
    for (const seg of root.querySelectorAll<HTMLElement>('[data-find-seg]')) {
      if (this.owned.length >= MAX_RANGES) break;
      const ranges = occurrences(seg, query, caseSensitive, MAX_RANGES - this.owned.length);
      this.owned.push(...ranges);
      if (current && !found && isSegmentOf(seg, current)) found = currentRange(seg, ranges, query, caseSensitive, current);
    }
    if (reg) {
      for (const r of this.owned) reg.all.add(r);
      if (found) reg.current.add(found);
    }
    if (found) this.owned.push(found);
    return found;
  }

  clear(): void {
    const reg = registry();
    if (reg) {
      for (const r of this.owned) {
        reg.all.delete(r);
        reg.current.delete(r);
      }
    }
    this.owned = [];
  }
}

function isSegmentOf(seg: HTMLElement, m: Match): boolean {
  return seg.dataset.findSeg === m.segment && seg.closest<HTMLElement>('[data-message-index]')?.dataset.messageIndex === String(m.message);
}

/**
 * The current match's range: exact where the text is laid out in lines that know their offsets
 * (outputs), otherwise the n-th occurrence on the page (markdown and code change the text a little).
 */
function currentRange(seg: HTMLElement, ranges: Range[], query: string, caseSensitive: boolean, m: Match): Range | undefined {
  const lines = seg.querySelectorAll<HTMLElement>('[data-offset]');
  if (lines.length === 0) return ranges[Math.min(m.ordinal, ranges.length - 1)];
  for (const line of lines) {
    const offset = Number(line.dataset.offset);
    const length = line.textContent?.length ?? 0;
    if (m.start >= offset && m.start < offset + Math.max(length, 1)) {
      return occurrences(line, query, caseSensitive, Infinity).find((r) => textOffset(line, r) === m.start - offset);
    }
  }
  return undefined;
}

function textOffset(el: HTMLElement, r: Range): number {
  const before = document.createRange();
  before.setStart(el, 0);
  before.setEnd(r.startContainer, r.startOffset);
  return before.toString().length;
}

/** Ranges of `query` in the text under `el`, matches spanning text nodes included. */
function occurrences(el: Element, query: string, caseSensitive: boolean, limit: number): Range[] {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const hay = caseSensitive ? text : text.toLowerCase();
  const needle = caseSensitive ? query : query.toLowerCase();
  const ranges: Range[] = [];
  let node = 0;
  for (let at = hay.indexOf(needle); at >= 0 && ranges.length < limit; at = hay.indexOf(needle, at + needle.length)) {
    while (node < nodes.length - 1 && (starts[node + 1] as number) <= at) node++;
    let endNode = node;
    const end = at + needle.length;
    while (endNode < nodes.length - 1 && (starts[endNode + 1] as number) < end) endNode++;
    const r = document.createRange();
    r.setStart(nodes[node] as Text, at - (starts[node] as number));
    r.setEnd(nodes[endNode] as Text, end - (starts[endNode] as number));
    ranges.push(r);
  }
  return ranges;
}
