import { clearMergeCache, countTokens as countText, decode, encodeGenerator } from 'gpt-tokenizer/encoding/cl100k_base';
import type { Message, Role, TokenCounts } from './types';

/** Special-token text such as `<|endoftext|>` inside a rollout is ordinary text, never an error. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** UTF-16 length of single-token pieces, which make up most of any text. */
const pieceLength = new Map<number, number>();

const WHITESPACE = /\s/u;

export function emptyByRole(): Record<Role, number> {
  return { system: 0, user: 0, assistant: 0, tool: 0 };
}

/**
 * Exact cl100k_base count of all message texts joined by "\n". Each piece the tokenizer's
 * pre-split regex yields is attributed to the message where it starts, so per-message and
 * per-role counts sum to the total.
 *
 * Attributing piece by piece costs about a third more than counting, so the text is counted in
 * spans that the regex provably splits at: a position right after a "\n" whose next character is
 * not whitespace starts a piece (no alternative of the cl100k pattern matches across it, and none
 * looks behind), so counting the text on either side alone gives the same pieces. A message that
 * starts with such a character is counted alone; only around the start of one that does not (a
 * leading newline or space can join the separator) is the text attributed piece by piece, between
 * the nearest such positions on either side.
 */
export function countTokens(messages: Message[]): TokenCounts {
  // gpt-tokenizer's merge cache is an LRU over a Map whose eviction (`keys().next()` after
  // deletes) slows down with every eviction in V8: once it is full, counting gets several times
  // slower. Starting each trajectory with an empty cache keeps it from filling (a trajectory has
  // far fewer distinct multi-token pieces than its 100k entries) and still reuses pieces within it.
  clearMergeCache();
  const texts = messages.map((m) => m.content);
  const joined = texts.join('\n');
  const starts = messageStarts(texts);
  const perMessage = new Array<number>(messages.length).fill(0);
  for (const span of countingSpans(joined, starts)) {
    if (span.owner === undefined) attributePieces(joined, span, starts, perMessage);
    else perMessage[span.owner] = (perMessage[span.owner] ?? 0) + countText(joined.slice(span.start, span.end), AS_TEXT);
  }
  const byRole = emptyByRole();
  messages.forEach((m, i) => (byRole[m.role] += perMessage[i] ?? 0));
  return { total: perMessage.reduce((a, b) => a + b, 0), byRole, perMessage };
}

interface Span {
  start: number;
  end: number;
  /** The one message the span lies in; undefined when it crosses message starts. */
  owner?: number;
}

/** The joined text cut into spans counted whole (within one message) or piece by piece (around a message start). */
function countingSpans(joined: string, starts: number[]): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  let owner = 0;
  const plainTo = (end: number) => {
    while (owner + 1 < starts.length && (starts[owner + 1] ?? 0) <= pos) owner++;
    if (end > pos) spans.push({ start: pos, end, owner });
    pos = end;
  };
  for (let k = 1; k < starts.length; k++) {
    const start = starts[k] ?? 0;
    if (start < pos) continue; // inside the piece-by-piece span before it
    if (pieceStartsAt(joined, start)) {
      plainTo(start);
      continue;
    }
    plainTo(Math.max(pos, lastPieceStart(joined, start, pos)));
    const end = nextPieceStart(joined, start);
    spans.push({ start: pos, end });
    pos = end;
  }
  if (starts.length > 0) plainTo(joined.length);
  return spans;
}

/** True where the regex must start a piece: after a "\n", before a non-whitespace character. */
function pieceStartsAt(text: string, i: number): boolean {
  return i > 0 && i < text.length && text.charCodeAt(i - 1) === 10 && !WHITESPACE.test(text.charAt(i));
}

/** The last such position in (floor, before), or floor. */
function lastPieceStart(text: string, before: number, floor: number): number {
  // lastIndexOf clamps a negative start to 0, so the walk stops by itself only while above it.
  for (let nl = before >= 2 ? text.lastIndexOf('\n', before - 2) : -1; nl >= floor; nl = nl > 0 ? text.lastIndexOf('\n', nl - 1) : -1) {
    if (pieceStartsAt(text, nl + 1)) return nl + 1;
  }
  return floor;
}

/** The first such position after `after`, or the end of the text. */
function nextPieceStart(text: string, after: number): number {
  for (let nl = text.indexOf('\n', after); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    if (pieceStartsAt(text, nl + 1)) return nl + 1;
  }
  return text.length;
}

/** Adds each piece of the span to the message where it starts. */
function attributePieces(joined: string, span: Span, starts: number[], perMessage: number[]): void {
  let offset = span.start;
  let owner = 0;
  for (const piece of encodeGenerator(joined.slice(span.start, span.end), AS_TEXT)) {
    while (owner + 1 < starts.length && offset >= (starts[owner + 1] ?? 0)) owner++;
    perMessage[owner] = (perMessage[owner] ?? 0) + piece.length;
    offset += lengthOf(piece);
  }
}

/** Offset where each message's text starts in the texts joined by "\n". */
function messageStarts(texts: string[]): number[] {
  let start = 0;
  return texts.map((t) => {
    const at = start;
    start += t.length + 1;
    return at;
  });
}

function lengthOf(piece: number[]): number {
  if (piece.length !== 1) return decode(piece).length;
  const token = piece[0] as number;
  let length = pieceLength.get(token);
  if (length === undefined) {
    length = decode(piece).length;
    pieceLength.set(token, length);
  }
  return length;
}

/** The notebook's stand-in while exact counts are pending: max(1, floor(chars / 4)). */
export function estimateTokens(messages: Message[]): number {
  const chars = messages.reduce((n, m) => n + m.content.length, 0) + Math.max(0, messages.length - 1);
  return Math.max(1, Math.floor(chars / 4));
}
