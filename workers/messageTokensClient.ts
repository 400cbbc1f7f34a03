/**
 * Main-thread handle on the message-token worker. Requests made in the same tick go in one
 * message; each text is counted once per page (the thread asks again when a row remounts).
 */
import * as Comlink from 'comlink';
import type { MessageTokensApi } from './messageTokensApi';

/** Texts longer than this are counted in a request of their own. */
const BIG = 100_000;

interface Request {
  text: string;
  resolve(n: number): void;
  reject(e: unknown): void;
}

export interface MessageTokenCounter {
  count(text: string): Promise<number>;
}

export function createMessageTokenCounter(): MessageTokenCounter {
  const worker = new Worker(new URL('./messageTokens.worker.ts', import.meta.url), { type: 'module', name: 'message-tokens' });
  const remote = Comlink.wrap<MessageTokensApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The token counter stopped: ${e.message || 'its script could not be loaded'}`)), { once: true });
  });
  failed.catch(() => undefined);
  let batch: Request[] = [];
  const send = (sent: Request[]) =>
    Promise.race([remote.count(sent.map((r) => r.text)), failed]).then(
      (counts) => sent.forEach((r, i) => r.resolve(counts[i] ?? 0)),
      (e: unknown) => sent.forEach((r) => r.reject(e)),
    );
  // The worker answers in order: small texts go first, together, and each big one alone after
  // them, so a 10 MB observation does not hold back the counts of the messages around it.
  const flush = () => {
    const sent = batch;
    batch = [];
    const small = sent.filter((r) => r.text.length <= BIG);
    if (small.length > 0) send(small);
    for (const r of sent) if (r.text.length > BIG) send([r]);
  };
  return {
    count(text) {
      return new Promise((resolve, reject) => {
        if (batch.length === 0) queueMicrotask(flush);
        batch.push({ text, resolve, reject });
      });
    },
  };
}

let shared: MessageTokenCounter | undefined;

export function messageTokenCounter(): MessageTokenCounter {
  return (shared ??= createMessageTokenCounter());
}
