import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetPlan, DatasetStatus, HubTarget, IngestMode, LocalFile, Selection } from '../../../workers/datasetsApi';
import { datasetsClient, type DatasetsClient } from '../../../workers/datasetsClient';
import { rememberToken, tokenFor } from './tokenMemory';

export type Lookup =
  | { state: 'idle' }
  | { state: 'looking'; target: HubTarget }
  | { state: 'found'; target: HubTarget; plan: DatasetPlan }
  | { state: 'failed'; target: HubTarget; message: string };

export interface DatasetsState {
  datasets: DatasetStatus[];
  /** The stored datasets have been listed once (before that, `datasets` is empty for want of news). */
  ready: boolean;
  lookup: Lookup;
  /** A failure of an action on a dataset (pause, resume, delete), shown until the next action. */
  actionError: string | undefined;
  discover(target: HubTarget): void;
  ingest(selection: Selection[], mode: IngestMode): Promise<string | undefined>;
  ingestLocal(label: string, files: LocalFile[]): Promise<string | undefined>;
  reattach(key: string, files: LocalFile[]): void;
  pause(key: string): void;
  resume(key: string): void;
  remove(key: string): void;
  clearLookup(): void;
  /** Shows a problem found before anything reached the worker. */
  fail(message: string): void;
}

/** Asks the browser not to evict stored datasets under storage pressure; it may say no. */
async function persistStorage(): Promise<void> {
  if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Datasets in the browser's storage, live, and the Hub lookup in progress. */
export function useDatasets(client: () => DatasetsClient = datasetsClient): DatasetsState {
  const [datasets, setDatasets] = useState<DatasetStatus[]>([]);
  const [ready, setReady] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [actionError, setActionError] = useState<string>();
  const latestLookup = useRef<symbol | undefined>(undefined);

  useEffect(() => {
    let first = true;
    client()
      .watch((all) => {
        setDatasets(all);
        setReady(true);
        // A page that closed mid-ingest left it interrupted: carry on where its last batch ended.
        if (first) for (const d of all) if (d.state === 'interrupted') void client().resume(d.key, tokenFor(d));
        first = false;
      })
      .catch((e: unknown) => setActionError(messageOf(e)));
  }, [client]);

  const discover = useCallback(
    (target: HubTarget) => {
      const me = Symbol(target.repo);
      latestLookup.current = me;
      rememberToken(target);
      setLookup({ state: 'looking', target });
      client()
        .discover(target)
        .then(
          (plan) => latestLookup.current === me && setLookup({ state: 'found', target, plan }),
          (e: unknown) => latestLookup.current === me && setLookup({ state: 'failed', target, message: messageOf(e) }),
        );
    },
    [client],
  );

  const ingest = useCallback(
    async (selection: Selection[], mode: IngestMode) => {
      if (lookup.state !== 'found') return undefined;
      setActionError(undefined);
      void persistStorage();
      try {
        const key = await client().ingestHub({ target: lookup.target, plan: lookup.plan, selection, mode });
        setLookup({ state: 'idle' });
        return key;
      } catch (e) {
        setActionError(messageOf(e));
        return undefined;
      }
    },
    [client, lookup],
  );

  const ingestLocal = useCallback(
    async (label: string, files: LocalFile[]) => {
      setActionError(undefined);
      void persistStorage();
      try {
        return await client().ingestLocal({ label, files, mode: { kind: 'full' } });
      } catch (e) {
        setActionError(messageOf(e));
        return undefined;
      }
    },
    [client],
  );

  const act = useCallback(
    (run: (c: DatasetsClient) => Promise<void>) => {
      setActionError(undefined);
      run(client()).catch((e: unknown) => setActionError(messageOf(e)));
    },
    [client],
  );

  return {
    datasets,
    ready,
    lookup,
    actionError,
    discover,
    ingest,
    ingestLocal,
    reattach: (key, files) => act((c) => c.reattach(key, files)),
    pause: (key) => act((c) => c.pause(key)),
    resume: (key) => act((c) => c.resume(key, tokenFor(datasets.find((d) => d.key === key)))),
    remove: (key) => act((c) => c.remove(key)),
    clearLookup: () => setLookup({ state: 'idle' }),
    fail: setActionError,
  };
}
