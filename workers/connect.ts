import * as Comlink from 'comlink';

export interface Connection<T> {
  remote: Comlink.Remote<T>;
  /** The call's result, or the worker's failure: a worker that dies would otherwise leave calls pending forever. */
  call<R>(p: Promise<R>): Promise<R>;
  terminate(): void;
}

/** A comlink connection to a worker the caller created (Vite finds workers by their `new Worker(new URL(...))`). */
export function connect<T>(worker: Worker, what: string): Connection<T> {
  const remote = Comlink.wrap<T>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`${what} stopped: ${e.message || 'its script could not be loaded'}`)), { once: true });
  });
  failed.catch(() => undefined);
  return {
    remote,
    call: (p) => Promise.race([p, failed]),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
