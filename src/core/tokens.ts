import { clearMergeCache, decode, encodeGenerator } from 'gpt-tokenizer/encoding/cl100k_base';
import type { Message, Role, TokenCounts } from './types';

/** Special-token text such as `<|endoftext|>` inside a rollout is ordinary text, never an error. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** UTF-16 length of single-token pieces, which make up most of any text. */
const pieceLength = new Map<number, number>();

export function emptyByRole(): Record<Role, number> {
  return { system: 0, user: 0, assistant: 0, tool: 0 };
}

/**
 * Exact cl100k_base count of all message texts joined by "\n", in one pass. Each piece the
 * tokenizer emits is attributed to the message where it starts, so per-message and per-role counts
 * sum to the total without encoding the text twice.
 */
export function countTokens(messages: Message[]): TokenCounts {
  // gpt-tokenizer's merge cache is an LRU over a Map whose eviction (`keys().next()` after
  // deletes) slows down with every eviction in V8: once it is full, counting gets several times
  // slower. Starting each trajectory with an empty cache keeps it from filling (a trajectory has
  // far fewer distinct multi-token pieces than its 100k entries) and still reuses pieces within it.
  clearMergeCache();
  const texts = messages.map((m) => m.content);
  const joined = texts.join('\n');
  const ends = messageEnds(texts);
  const perMessage = new Array<number>(messages.length).fill(0);
  let offset = 0;
  let owner = 0;
  for (const piece of encodeGenerator(joined, AS_TEXT)) {
    while (owner < ends.length - 1 && offset >= (ends[owner] ?? 0)) owner++;
    perMessage[owner] = (perMessage[owner] ?? 0) + piece.length;
    offset += lengthOf(piece);
  }
  const byRole = emptyByRole();
  messages.forEach((m, i) => (byRole[m.role] += perMessage[i] ?? 0));
  return { total: perMessage.reduce((a, b) => a + b, 0), byRole, perMessage };
}

/** Offset just past each message's text and its "\n" separator. */
function messageEnds(texts: string[]): number[] {
  let end = 0;
  return texts.map((t) => (end += t.length + 1));
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
