import * as Comlink from 'comlink';
import type { TokenInput, TokenTotals } from './tokenJob';
import type { TokenWorkerApi } from './tokens.worker';

export interface TokenPool {
  readonly size: number;
  /** Workers to use while a dataset's rows are being stored (0: counting waits until they are). */
  readonly sizeWhileStoring: number;
  /** Exact counts for each input, in order; spread over the pool's least busy worker. */
  count(inputs: TokenInput[]): Promise<TokenTotals[]>;
  terminate(): void;
}

/** Leaves one core to the page (and to decoding while a dataset loads); at least one worker, at most eight. */
export function defaultPoolSize(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.min(8, Math.max(1, cores - 1));
}

/**
 * While rows are being stored, the dataset worker decodes on one core and the browser's
 * IndexedDB writes take most of another; a token worker beside them on a two-core machine slowed
 * storing by a third in the bench and gained nothing, as counting waits for its rows anyway.
 */
export function poolSizeWhileStoring(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.min(defaultPoolSize(cores), Math.max(0, cores - 2));
}

interface Member {
  worker: Worker;
  api: Comlink.Remote<TokenWorkerApi>;
  busy: number;
}

/** Workers start on first use: token counting loads a 1 MB encoder a page may never need. */
export function createTokenPool(cores = globalThis.navigator?.hardwareConcurrency ?? 2): TokenPool {
  const size = defaultPoolSize(cores);
  const members: Member[] = [];
  const member = (): Member => {
    if (members.length < size) {
      const worker = new Worker(new URL('./tokens.worker.ts', import.meta.url), { type: 'module', name: `tokens-${members.length}` });
      const created = { worker, api: Comlink.wrap<TokenWorkerApi>(worker), busy: 0 };
      members.push(created);
      return created;
    }
    return members.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  return {
    size,
    sizeWhileStoring: poolSizeWhileStoring(cores),
    async count(inputs) {
      const m = member();
      m.busy++;
      try {
        return await m.api.count(inputs);
      } finally {
        m.busy--;
      }
    },
    terminate() {
      for (const m of members.splice(0)) m.worker.terminate();
    },
  };
}
