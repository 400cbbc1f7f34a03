/**
 * Dictionary-coded strings: one small code per row and each distinct value stored once, so a
 * column of 200k rows with a few hundred distinct values costs 800 KB and filters by code.
 */

/** Row i has value `dict[codes[i] - 1]`; code 0 means absent (so '' stays distinct from missing). */
export interface StringColumn {
  dict: string[];
  codes: Uint32Array;
}

/** Assigns codes in first-seen order. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** 0-based position of `value`, added when new. */
  indexOf(value: string): number {
    let index = this.codes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.codes.set(value, index);
      this.values.push(value);
    }
    return index;
  }
}

/** Value of row i, undefined when absent. */
export function stringAt(column: StringColumn, i: number): string | undefined {
  const code = column.codes[i] ?? 0;
  return code === 0 ? undefined : column.dict[code - 1];
}

export function encodeStrings(values: (string | undefined)[]): StringColumn {
  const dict = new Dictionary();
  const codes = Uint32Array.from(values, (v) => (v === undefined ? 0 : dict.indexOf(v) + 1));
  return { dict: dict.values, codes };
}

/** One column from many, in order; `undefined` stands for a part of `lengths[k]` rows without values. */
export function concatStrings(columns: (StringColumn | undefined)[], lengths: number[], n: number): StringColumn {
  const dict = new Dictionary();
  const codes = new Uint32Array(n);
  let offset = 0;
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k];
    if (column) {
      const remap = Uint32Array.from([0, ...column.dict.map((v) => dict.indexOf(v) + 1)]);
      const local = column.codes;
      for (let i = 0; i < local.length; i++) codes[offset + i] = remap[local[i] as number] as number;
    }
    offset += lengths[k] as number;
  }
  return { dict: dict.values, codes };
}
