/** What the browse harness page offers a test on `window.harness` (e2e/harness/browse.ts implements it). */
import type { FilterSpec, SortSpec } from '../../src/core/query';

export interface HarnessState {
  rows: number;
  revision: number;
  opened: string | undefined;
  selected: string | undefined;
  /** Set by the test to drive the table's `selectedId` and `filter` props. */
  chosen: string | undefined;
  filter: FilterSpec | undefined;
}

export interface Harness {
  /** Resolves once the initial rows are stored. */
  ready: Promise<void>;
  /** Stores `n` more rows and bumps the table's revision; resolves with the row count. */
  addRows(n: number): Promise<number>;
  /** Writes exact token counts for every row on the estimate; resolves with how many. */
  countTokens(): Promise<number>;
  select(id: string | undefined): void;
  setFilter(filter: FilterSpec | undefined): void;
  state(): HarnessState;
  /** The first ids of a sorted view, computed on the page's thread from a table loaded from scratch. */
  reference(sort: SortSpec, limit: number, filter?: FilterSpec): Promise<{ ids: string[]; matched: number; total: number }>;
  /**
   * Milliseconds of query worker calls on a fresh worker over the stored rows; the incremental
   * and full refreshes add a shard of `extraRows` and remove it again, leaving the rows as found.
   */
  measure(extraRows: number): Promise<Record<string, number>>;
}

declare global {
  interface Window {
    harness: Harness;
  }
}
