/**
 * The orders views sort strings in. Each is defined by a sort key compared by code units, then by
 * the raw string: a total order, and fast, since ranking a 100k-entry dictionary sorts keys made
 * once instead of calling a locale collator two million times.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const DIGIT_RUN = /\d+/g;
const ROW_SUFFIX = /#(\d+)$/;

/**
 * Text order: case- and accent-insensitive, digit runs by value ("py3.9" before "py3.10", digits
 * before letters), anything else by code point.
 */
export function textKey(s: string): string {
  const base = PRINTABLE_ASCII.test(s) ? s : s.normalize('NFKD').replace(/\p{M}/gu, '');
  return base.toLowerCase().replace(DIGIT_RUN, numberKey);
}

/**
 * Row ids `source/config/split/file#row`: by the part before `#row` (code units), then numbered
 * rows by number, before an id without a row number.
 */
export function idKey(id: string): string {
  const m = ROW_SUFFIX.exec(id);
  return m ? `${id.slice(0, m.index)}\u0000\u0000${numberKey(m[1] as string)}` : `${id}\u0000\u0001`;
}

export function compareText(a: string, b: string): number {
  return compareKeys(textKey(a), textKey(b), a, b);
}

export function compareIds(a: string, b: string): number {
  return compareKeys(idKey(a), idKey(b), a, b);
}

export function compareKeys(ka: string, kb: string, a: string, b: string): number {
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A digit run as its length (one char) then its digits, so shorter numbers come first. */
function numberKey(run: string): string {
  const digits = run.replace(/^0+(?=\d)/, '');
  return String.fromCharCode(digits.length) + digits;
}
