import type { ToolCall } from '../../../core/types';
import { argsOf, commandOf, stringArg } from '../model/callArgs';

const MAX = 90;

function clip(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  const more = line.length > MAX || text.trim().includes('\n');
  return more ? `${line.slice(0, MAX).trimEnd()} …` : line;
}

/** A shell call in one line: the command's first line. */
export function shellSummary(call: ToolCall): string {
  return clip(commandOf(call) ?? '');
}

/** A file-editor call: `view /repo/a.py`, `str_replace /repo/a.py`. */
export function editorSummary(call: ToolCall): string {
  return [stringArg(call, 'command'), stringArg(call, 'path')].filter(Boolean).join(' ');
}

export function thoughtSummary(call: ToolCall): string {
  return clip(stringArg(call, 'thought', 'content') ?? '');
}

export function finishSummary(call: ToolCall): string {
  return clip(stringArg(call, 'message', 'final_thought', 'result', 'summary') ?? '');
}

/** Any other call: its first arguments as `key=value`. */
export function argumentSummary(call: ToolCall): string {
  if (typeof call.arguments === 'string') return clip(call.arguments);
  const parts = Object.entries(argsOf(call)).slice(0, 3).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return clip(parts.join(' '));
}
