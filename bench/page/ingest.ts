import type { DatasetStatus } from '../../workers/datasetsApi';
import { createDatasetsClient } from '../../workers/datasetsClient';
import { defaultPoolSize } from '../../workers/tokens/tokenPool';
import type { BenchDataset, IngestTiming } from '../shared/protocol';

/**
 * A full ingest through the app's own dataset worker (a fresh one, so a fresh token pool), timed
 * from the ingest request. Status pushes are throttled by the worker (every 200 ms), which bounds
 * the resolution of both times. The workers are left running (a token backfill may still be
 * going): the runner profiles them up to here, then closes the page.
 */
export async function ingest(dataset: BenchDataset, { exactTokens, timeoutMs }: { exactTokens: boolean; timeoutMs: number }): Promise<IngestTiming> {
  const client = createDatasetsClient();
  const target = { repo: dataset.repo, endpoint: dataset.endpoint };
  const plan = await client.discover(target);
  const selection = plan.configs.flatMap((c) => c.splits.map((s) => ({ config: c.name, split: s.name })));
  const progress: IngestTiming['progress'] = [];
  let key: string | undefined;
  let start = 0;
  let storedMs: number | null = null;
  let finish: (d: DatasetStatus) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const finished = new Promise<DatasetStatus>((resolve, reject) => ((finish = resolve), (fail = reject)));
  await client.watch((all) => {
    const d = all.find((s) => s.key === key);
    if (!d) return;
    const ms = performance.now() - start;
    progress.push({ ms, rows: d.rows, tokensPending: d.tokensPending, bytesDone: d.bytesDone });
    if (d.state === 'error') fail(new Error(`${dataset.repo} stopped: ${d.message ?? d.shards.map((s) => s.error).filter(Boolean).join('; ')}`));
    if (d.state === 'done') storedMs ??= ms;
    if (storedMs !== null && (!exactTokens || d.tokensPending === 0)) finish(d);
  });
  start = performance.now();
  key = await client.ingestHub({ target, plan, selection, mode: { kind: 'full' } });
  const done = await within(finished, timeoutMs, `${dataset.repo} was not ingested within ${timeoutMs} ms`);
  const end = progress.at(-1)?.ms ?? 0;
  return { rows: done.rows, errors: done.errors, bytes: done.bytesDone, storedMs: storedMs ?? end, exactMs: exactTokens ? end : null, poolSize: defaultPoolSize(navigator.hardwareConcurrency), progress };
}

function within<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
