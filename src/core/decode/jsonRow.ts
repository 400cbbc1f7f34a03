import type { RawRow } from '../types';

export type Parsed = { row: RawRow } | { error: string };

/** Parses one JSON text that must be an object; failures are described, never thrown. */
export function parseObject(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `invalid JSON: ${clip(e instanceof Error ? e.message : String(e))}` };
  }
  return asRow(value);
}

/** A row must be a JSON object: anything else is reported with what it was. */
export function asRow(value: unknown): Parsed {
  if (isObject(value)) return { row: value };
  return { error: `expected a JSON object, got ${describeJson(value)}` };
}

export function isObject(value: unknown): value is RawRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value} (${clip(JSON.stringify(value), 40)})`;
}

/** Keeps messages short: V8 quotes part of the input in JSON errors, and a line can be megabytes. */
function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
