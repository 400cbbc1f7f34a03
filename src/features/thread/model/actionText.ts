import type { ToolCall } from '../../../core/types';
import { commandOf } from './callArgs';

export interface SplitText {
  /** The message text without the action markup the calls were parsed from. */
  prose: string;
  /** The prose was labelled as the agent's reasoning (`THOUGHT:`, SWE-agent `DISCUSSION`). */
  thought: boolean;
}

const FENCE = /```[^\n`]*\r?\n([\s\S]*?)```/g;
const XML_FUNCTION = /<function=([^>\s]+)>[\s\S]*?(?:<\/function>|$)/g;
const THOUGHT_LABEL = /^\s*(?:THOUGHT\s*:|DISCUSSION\b:?)[ \t]*\r?\n?/;

interface Span {
  start: number;
  end: number;
}

/**
 * Removes from assistant text the action markup its tool calls were parsed from (```bash fences,
 * `<function=...>` blocks, SWE-agent command fences), so the command is shown once, by its
 * renderer. Only markup that matches a parsed call is removed: text the core did not read as an
 * action stays. Calls without `fromText` count as text calls only when they have no id (records
 * that kept `{name, arguments}` only); structured tool calls never touch the prose.
 */
export function splitActionText(content: string, calls: readonly ToolCall[]): SplitText {
  const textCalls = calls.filter((c) => c.fromText !== undefined || c.id === undefined);
  if (textCalls.length === 0) return labelled(content);
  const spans = findSpans(content, textCalls);
  if (spans.length === 0) return labelled(content);
  return labelled(cut(content, spans));
}

function findSpans(content: string, calls: readonly ToolCall[]): Span[] {
  const fences = [...content.matchAll(FENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length, body: (m[1] ?? '').trim() }));
  const functions = [...content.matchAll(XML_FUNCTION)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: (m[1] ?? '').toLowerCase() }));
  const used = new Set<number>();
  const spans: Span[] = [];
  const take = <T extends Span>(candidates: T[], fits: (c: T) => boolean, last: boolean) => {
    const ordered = last ? [...candidates].reverse() : candidates;
    const found = ordered.find((c) => !used.has(c.start) && fits(c));
    if (!found) return false;
    used.add(found.start);
    spans.push(found);
    return true;
  };
  for (const call of calls) {
    if (call.fromText !== 'fence' && call.fromText !== 'action' && take(functions, (f) => f.name === call.name.toLowerCase(), false)) continue;
    const command = commandOf(call)?.trim();
    if (command !== undefined && call.fromText !== 'xml') take(fences, (f) => f.body === command, call.fromText === 'action');
  }
  return spans.sort((a, b) => a.start - b.start);
}

function cut(content: string, spans: Span[]): string {
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += content.slice(last, s.start);
    last = s.end;
  }
  return (out + content.slice(last)).replace(/\n{3,}/g, '\n\n').trim();
}

function labelled(prose: string): SplitText {
  const label = THOUGHT_LABEL.exec(prose);
  return label ? { prose: prose.slice(label[0].length).trim(), thought: true } : { prose, thought: false };
}
