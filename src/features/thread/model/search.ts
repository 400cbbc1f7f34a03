import { callText } from './callArgs';
import type { ThreadItem } from './threadModel';

/** A piece of a message's displayed text; the view marks its element with the same key. */
export interface Segment {
  key: string;
  text: string;
}

export interface Match {
  message: number;
  segment: string;
  /** Offset of the match in the segment's text. */
  start: number;
  /** Position among the segment's matches, for views that cannot map offsets to the page. */
  ordinal: number;
}

export interface SearchResult {
  query: string;
  matches: Match[];
  /** More matches exist than `limit`; only the first ones are listed. */
  truncated: boolean;
}

const SEARCH_LIMIT = 5000;

const segmentCache = new WeakMap<ThreadItem, Segment[]>();
const lowerCache = new WeakMap<Segment, string>();

/** A message's searchable text in display order: reasoning, prose, each call; or the output. */
export function segmentsOf(item: ThreadItem): Segment[] {
  let segments = segmentCache.get(item);
  if (segments) return segments;
  segments = [];
  if (item.kind === 'observation') segments.push({ key: 'output', text: item.observation?.output ?? item.message.content });
  else if (item.kind === 'assistant') {
    if (item.message.reasoning) segments.push({ key: 'reasoning', text: item.message.reasoning });
    if (item.prose) segments.push({ key: 'prose', text: item.prose });
    item.calls.forEach((c, k) => segments?.push({ key: `call:${k}`, text: callText(c.call) }));
  } else segments.push({ key: 'content', text: item.message.content });
  segmentCache.set(item, segments);
  return segments;
}

function lowered(segment: Segment): string {
  let lower = lowerCache.get(segment);
  if (lower === undefined) {
    lower = segment.text.toLowerCase();
    lowerCache.set(segment, lower);
  }
  return lower;
}

/** Every occurrence of `query` in the thread, in reading order; case-insensitive unless asked. */
export function findMatches(items: readonly ThreadItem[], query: string, options: { caseSensitive?: boolean; limit?: number } = {}): SearchResult {
  const limit = options.limit ?? SEARCH_LIMIT;
  const result: SearchResult = { query, matches: [], truncated: false };
  if (query === '') return result;
  const needle = options.caseSensitive ? query : query.toLowerCase();
  for (const item of items) {
    for (const segment of segmentsOf(item)) {
      const hay = options.caseSensitive || segment.text === lowered(segment) ? segment.text : lowered(segment);
      let ordinal = 0;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        if (result.matches.length === limit) {
          result.truncated = true;
          return result;
        }
        result.matches.push({ message: item.index, segment: segment.key, start: at, ordinal: ordinal++ });
      }
    }
  }
  return result;
}

/** Index of the first match at or after `message` (for starting a search where the reader is). */
export function firstMatchFrom(matches: readonly Match[], message: number): number {
  const i = matches.findIndex((m) => m.message >= message);
  return i < 0 ? 0 : i;
}
