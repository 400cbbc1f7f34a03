/**
 * The dataset's own columns that no adapter read (`Trajectory.extra`), kept beside the features
 * so the table can show, sort and filter them. Only a compact copy goes in: numbers as doubles,
 * everything else as dictionary-coded text (nested values as JSON), cut to MAX_EXTRA_TEXT
 * characters, at most MAX_EXTRA_KEYS columns per table (the first seen). The full values stay in
 * the trajectory record.
 */
import { concatStrings, encodeStrings, stringAt, type StringColumn } from './stringColumn';
import type { RawRow } from './types';

/** Columns kept per chunk and per table; a dataset with more keeps the first ones seen. */
export const MAX_EXTRA_KEYS = 64;
/** Characters kept of a text value; a cut value ends in '…' and is longer than this. */
export const MAX_EXTRA_TEXT = 300;

/** Numbers (NaN: absent) when every present value is a number, else text. */
export type ExtraColumn = { key: string; kind: 'number'; values: Float64Array } | { key: string; kind: 'string'; strings: StringColumn };
export type ExtraKind = ExtraColumn['kind'];
export type ExtraValue = number | string;

const ELLIPSIS = '…';

/** Columns for rows whose raw extras are `extras[i]` (undefined: none), keys in first-seen order. */
export function encodeExtras(extras: (RawRow | undefined)[]): ExtraColumn[] {
  const byKey = new Map<string, (ExtraValue | undefined)[]>();
  extras.forEach((extra, i) => {
    for (const [key, raw] of Object.entries(extra ?? {})) {
      let values = byKey.get(key);
      if (!values) {
        if (byKey.size >= MAX_EXTRA_KEYS) continue;
        values = new Array<ExtraValue | undefined>(extras.length).fill(undefined);
        byKey.set(key, values);
      }
      values[i] = extraValue(raw);
    }
  });
  return [...byKey].map(([key, values]) => columnOf(key, values));
}

/**
 * The compact form of one raw value: undefined when absent (null, NaN, undefined), a number for
 * numbers and bigints, the text of anything else.
 */
export function extraValue(raw: unknown): ExtraValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string') return clipText(raw);
  if (typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  return clipText(jsonText(raw));
}

/** True when the value was cut to MAX_EXTRA_TEXT characters. */
export function isClipped(value: string): boolean {
  return value.length > MAX_EXTRA_TEXT;
}

/** Row i's present extra values, by key. */
export function extrasAt(columns: readonly ExtraColumn[], i: number): Record<string, ExtraValue> {
  const entries: [string, ExtraValue][] = [];
  for (const column of columns) {
    const value = valueAt(column, i);
    if (value !== undefined) entries.push([column.key, value]);
  }
  // fromEntries defines own properties, so a column named "__proto__" stays data.
  return Object.fromEntries(entries);
}

export function valueAt(column: ExtraColumn, i: number): ExtraValue | undefined {
  if (column.kind === 'string') return stringAt(column.strings, i);
  const v = column.values[i] as number;
  return Number.isNaN(v) ? undefined : v;
}

/**
 * The extras of consecutive parts of `lengths[k]` rows as one list of columns: keys in first-seen
 * order (at most MAX_EXTRA_KEYS), rows of a part without a key absent, and a key that is a number
 * in one part and text in another becomes text.
 */
export function concatExtras(parts: (readonly ExtraColumn[] | undefined)[], lengths: number[]): ExtraColumn[] {
  const n = lengths.reduce((sum, l) => sum + l, 0);
  const byKey = new Map<string, (ExtraColumn | undefined)[]>();
  parts.forEach((columns, k) => {
    for (const column of columns ?? []) {
      let slots = byKey.get(column.key);
      if (!slots) {
        if (byKey.size >= MAX_EXTRA_KEYS) continue;
        // Filled, not sparse: forEach and map skip the holes of a sparse array.
        slots = new Array<ExtraColumn | undefined>(parts.length).fill(undefined);
        byKey.set(column.key, slots);
      }
      slots[k] = column;
    }
  });
  return [...byKey].map(([key, slots]) => mergedColumn(key, slots, lengths, n));
}

/** A number column as text, for a key that is text elsewhere. */
export function asStrings(column: ExtraColumn): StringColumn {
  if (column.kind === 'string') return column.strings;
  return encodeStrings(Array.from(column.values, (v) => (Number.isNaN(v) ? undefined : String(v))));
}

export function extraArrays(columns: readonly ExtraColumn[]): (Float64Array | Uint32Array)[] {
  return columns.map((c) => (c.kind === 'number' ? c.values : c.strings.codes));
}

/** Characters held as text: keys and dictionaries. */
export function extraTextSize(columns: readonly ExtraColumn[]): number {
  let size = 0;
  for (const c of columns) {
    size += c.key.length;
    if (c.kind === 'string') for (const v of c.strings.dict) size += v.length;
  }
  return size;
}

function mergedColumn(key: string, slots: (ExtraColumn | undefined)[], lengths: number[], n: number): ExtraColumn {
  if (slots.every((c) => c === undefined || c.kind === 'number')) {
    const values = new Float64Array(n).fill(NaN);
    let offset = 0;
    slots.forEach((c, k) => {
      if (c?.kind === 'number') values.set(c.values, offset);
      offset += lengths[k] as number;
    });
    return { key, kind: 'number', values };
  }
  return { key, kind: 'string', strings: concatStrings(slots.map((c) => c && asStrings(c)), lengths, n) };
}

function columnOf(key: string, values: (ExtraValue | undefined)[]): ExtraColumn {
  if (values.every((v) => v === undefined || typeof v === 'number')) return { key, kind: 'number', values: Float64Array.from(values, (v) => v ?? NaN) };
  return { key, kind: 'string', strings: encodeStrings(Array.from(values, (v) => (v === undefined ? undefined : String(v)))) };
}

function clipText(text: string): string {
  if (text.length <= MAX_EXTRA_TEXT) return text;
  // Keep a surrogate pair whole: the cut value is then still longer than MAX_EXTRA_TEXT.
  const high = text.charCodeAt(MAX_EXTRA_TEXT - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? MAX_EXTRA_TEXT + 1 : MAX_EXTRA_TEXT;
  return text.slice(0, end) + ELLIPSIS;
}

/** JSON of a nested value; bigints (which JSON cannot hold) as their digits. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    // A cycle or a throwing toJSON: the value's own text says at least what it is.
    return String(value);
  }
}
