import type { Message, ToolCall } from './types';
import { isObj, str } from './values';

const XML_FUNCTION = /<function=([\w.-]+)/g;
const EXECUTE_TAG = /<(execute_[\w-]+)>/g;
// mswea_bash_command is mini-swe-agent's newer name for the same ```bash action.
const BASH_FENCE = /```(?:bash|sh|shell|mswea_bash_command)\b/;
const BASH_TOOLS = new Set(['bash', 'execute_bash', 'run', 'terminal', 'shell']);

/**
 * Invocation counts per tool, by the notebook's rules (DESIGN.md §4): structured tool call names,
 * `<function=NAME` and `<execute_X>` in assistant text, and `bash_block` for an assistant turn with a
 * ```bash fence. Each bash command also counts its first word as `bash:<word>`.
 */
export function countTools(messages: Message[]): Record<string, number> {
  // No prototype: a tool named `__proto__` or `constructor` in model output is counted like any other.
  const counts: Record<string, number> = Object.create(null);
  const add = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  for (const m of messages) {
    if (m.role !== 'assistant') continue;
    for (const call of m.toolCalls ?? []) {
      if (!call.fromText || call.fromText === 'action') add(call.name);
      const word = bashCommandWord(call);
      if (word !== undefined) add(`bash:${word}`);
    }
    for (const match of m.content.matchAll(XML_FUNCTION)) add((match[1] ?? '').toLowerCase());
    for (const match of m.content.matchAll(EXECUTE_TAG)) add(match[1] ?? '');
    if (BASH_FENCE.test(m.content)) add('bash_block');
  }
  return counts;
}

/** The program a bash action runs, past `cd DIR &&` (every mini-swe-agent command starts in a fresh shell) and `VAR=value` prefixes. */
export function bashCommandWord(call: ToolCall): string | undefined {
  if (!BASH_TOOLS.has(call.name)) return undefined;
  const command = isObj(call.arguments) ? str(call.arguments.command) ?? str(call.arguments.cmd) : str(call.arguments);
  if (command === undefined) return undefined;
  for (const segment of command.split(/&&|;|\|\|/)) {
    const words = segment.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w));
    const word = words[0];
    if (word !== undefined && word !== 'cd' && word !== '') return word.replace(/^.*\//, '');
  }
  return undefined;
}
