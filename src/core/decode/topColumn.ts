import type { DecodedArray, ParquetParsers, SchemaTree } from 'hyparquet';
import { assembleNested } from 'hyparquet/src/assemble.js';
import type { ColumnChunkReader } from './columnChunkReader';

/**
 * A top-level column of a row group: the values of its next rows, assembled (lists, structs,
 * maps) from the same rows of each of its leaf column chunks, exactly as hyparquet assembles
 * a whole row group.
 */
export class TopColumn {
  constructor(
    readonly tree: SchemaTree,
    readonly leaves: ColumnChunkReader[],
    private readonly parsers: ParquetParsers,
  ) {}

  get name(): string {
    return this.tree.element.name;
  }

  /** The values of the next `count` rows; every leaf must have them. */
  take(count: number): ArrayLike<unknown> {
    const [leaf] = this.leaves;
    if (!this.tree.children.length && leaf) return leaf.take(count);
    const parts = new Map<string, DecodedArray>(this.leaves.map((l) => [l.name, l.take(count)]));
    assembleNested(parts, this.tree, this.parsers);
    const values = parts.get(this.name);
    if (!values) throw new Error('nested column not assembled');
    return values;
  }
}
