/**
 * Sorting views: every sort key becomes one or two unsigned 32-bit words per row whose order is
 * the key's order (direction and "missing last" folded in), then one stable radix sort runs over
 * all words. Ties keep table order, so a view is the same on every run.
 */
import { isCategoryColumn, isExtraColumn, isNumberColumn, type ColumnId } from './columns';
import type { SortSpec } from './filterSpec';
import { QueryError } from './queryError';
import { RANK_ABSENT, type QueryTable } from './queryTable';
import { sortByWords } from './radixSort';

const MAX_WORD = 0xffff_ffff;

/**
 * `rows` (table indices) in sort order: a new array, or `rows` itself when there is no sort key.
 * The sort must have passed `checkSort` against this table's columns. Raw text columns sort in
 * text order of their values (ranks of the dictionary), raw numbers by value.
 */
export function sortRows(q: QueryTable, rows: Uint32Array, sort: SortSpec): Uint32Array {
  if (sort.length === 0) return rows;
  const words = sort.flatMap((key) => keyWords(q, rows, key.column, key.desc));
  return sortByWords(rows.slice(), words);
}

function keyWords(q: QueryTable, rows: Uint32Array, column: ColumnId, desc: boolean): Uint32Array[] {
  if (column === 'id') return [rankWord(q.idRanks(), rows, q.n, desc, (i) => i)];
  if (isCategoryColumn(column) || (isExtraColumn(column) && q.describe(column)?.kind === 'category')) {
    const codes = q.strings(column).codes;
    return [rankWord(q.codeRanks(column), rows, q.n, desc, (i) => codes[i] as number)];
  }
  if (!isNumberColumn(column) && !isExtraColumn(column)) throw new QueryError(`Cannot sort by "${column}": it has no order.`);
  return numberWords(q.numbers(column), rows, q.n, desc);
}

/** Ranks as one word; descending flips present ranks and keeps missing ones last. */
function rankWord(ranks: Uint32Array, rows: Uint32Array, n: number, desc: boolean, slot: (i: number) => number): Uint32Array {
  const word = new Uint32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const rank = ranks[slot(i)] as number;
    word[i] = rank === RANK_ABSENT || !desc ? rank : MAX_WORD - 1 - rank;
  }
  return word;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which half of the float is the high word depends on the platform's byte order.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/**
 * An IEEE double as two words in numeric order: flip every bit of a negative number, only the sign
 * bit of a positive one. NaN (missing) maps past +Infinity, in both directions.
 */
function numberWords(values: Float64Array | Uint32Array, rows: Uint32Array, n: number, desc: boolean): Uint32Array[] {
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      hi[i] = MAX_WORD;
      lo[i] = MAX_WORD;
      continue;
    }
    f64[0] = v + 0; // -0 becomes +0: they are equal values
    let h = u32[HI] as number;
    let l = u32[LO] as number;
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x8000_0000) >>> 0;
    hi[i] = desc ? ~h >>> 0 : h;
    lo[i] = desc ? ~l >>> 0 : l;
  }
  return [hi, lo];
}
