import type { ToolCall } from '../../../core/types';

/** A call's arguments as an object; string arguments (invalid JSON kept as text) give {}. */
export function argsOf(call: ToolCall): Record<string, unknown> {
  const a = call.arguments;
  return typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>) : {};
}

/** The first of `keys` holding a string (numbers and booleans read as text). */
export function stringArg(call: ToolCall, ...keys: string[]): string | undefined {
  const args = argsOf(call);
  for (const key of keys) {
    const v = args[key];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return undefined;
}

/** The shell command a call runs: `command` / `cmd`, or the raw argument text. */
export function commandOf(call: ToolCall): string | undefined {
  if (typeof call.arguments === 'string') return call.arguments;
  return stringArg(call, 'command', 'cmd', 'code');
}

/** Every string the call carries, for searching; keys and values in argument order. */
export function callText(call: ToolCall): string {
  if (typeof call.arguments === 'string') return call.arguments;
  const parts: string[] = [];
  collect(call.arguments, parts);
  return parts.join('\n');
}

function collect(value: unknown, parts: string[]): void {
  if (typeof value === 'string') parts.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => collect(v, parts));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => collect(v, parts));
}
