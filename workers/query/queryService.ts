/**
 * The query worker's implementation of QueryApi: one DatasetTable per opened dataset, loaded from
 * the store this worker opens itself. Opens and refreshes of a dataset run one after another;
 * a view waits for the refresh in flight, so it never mixes two revisions.
 */
import type { FilterSpec, SortSpec } from '../../src/core/query';
import type { TrajectoryStore } from '../store';
import { DatasetTable } from './datasetTable';
import type { QueryApi, RefreshResult, TableInfo, ViewQuery, ViewResult } from './queryApi';

export class QueryService implements QueryApi {
  private store: Promise<TrajectoryStore> | undefined;
  private readonly tables = new Map<string, Promise<DatasetTable>>();

  constructor(private readonly openStore: () => Promise<TrajectoryStore>) {}

  async open(datasetKey: string): Promise<TableInfo> {
    return (await this.table(datasetKey)).info();
  }

  async refresh(datasetKey: string): Promise<RefreshResult> {
    const step = this.refreshed(this.tables.get(datasetKey), datasetKey);
    this.hold(datasetKey, step.then((s) => s.table));
    return (await step).result;
  }

  async view({ datasetKey, ...request }: ViewQuery): Promise<ViewResult> {
    const table = await this.table(datasetKey);
    return { revision: table.info().revision, ...table.query.view(request) };
  }

  async columns(datasetKey: string) {
    return (await this.table(datasetKey)).query.columns();
  }

  async rowIndexOf(datasetKey: string, id: string, sort: SortSpec, filter?: FilterSpec): Promise<number> {
    return (await this.table(datasetKey)).query.positionOf(id, sort, filter);
  }

  async close(datasetKey: string): Promise<void> {
    this.tables.delete(datasetKey);
  }

  private table(datasetKey: string): Promise<DatasetTable> {
    return this.tables.get(datasetKey) ?? this.hold(datasetKey, this.storeOnce().then((store) => DatasetTable.load(store, datasetKey)));
  }

  /** The table for later calls; a failed load is forgotten, so the next call tries again. */
  private hold(datasetKey: string, table: Promise<DatasetTable>): Promise<DatasetTable> {
    this.tables.set(datasetKey, table);
    table.catch(() => this.tables.get(datasetKey) === table && this.tables.delete(datasetKey));
    return table;
  }

  private async refreshed(previous: Promise<DatasetTable> | undefined, datasetKey: string): Promise<{ table: DatasetTable; result: RefreshResult }> {
    const store = await this.storeOnce();
    const held = await previous?.catch(() => undefined);
    if (held) return held.refresh(store);
    const table = await DatasetTable.load(store, datasetKey);
    return { table, result: { ...table.info(), change: 'reloaded', rowsAdded: table.info().rows, rowsRecounted: 0 } };
  }

  private storeOnce(): Promise<TrajectoryStore> {
    if (!this.store) {
      const opening = this.openStore();
      opening.catch(() => this.store === opening && (this.store = undefined));
      this.store = opening;
    }
    return this.store;
  }
}
