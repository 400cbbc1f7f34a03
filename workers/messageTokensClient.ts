/**
 * Main-thread handle on the message-token workers. Requests made in the same tick go in one
 * message; the thread caches each message's count, so a text is counted once.
 */
import { connect } from './connect';
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

type Send = (sent: Request[]) => void;

function startWorker(name: string): Send {
  const { remote, call } = connect<MessageTokensApi>(new Worker(new URL('./messageTokens.worker.ts', import.meta.url), { type: 'module', name }), 'The token counter');
  return (sent) => {
    call(remote.count(sent.map((r) => r.text))).then(
      (counts) => sent.forEach((r, i) => r.resolve(counts[i] ?? 0)),
      (e: unknown) => sent.forEach((r) => r.reject(e)),
    );
  };
}

export function createMessageTokenCounter(): MessageTokenCounter {
  // A worker answers in order, and a 10 MB observation takes seconds: big texts get a worker of
  // their own (started when the first one comes), so the messages around them are counted at once.
  const small = startWorker('message-tokens');
  let big: Send | undefined;
  let batch: Request[] = [];
  const flush = () => {
    const sent = batch;
    batch = [];
    const few = sent.filter((r) => r.text.length <= BIG);
    if (few.length > 0) small(few);
    for (const r of sent) if (r.text.length > BIG) (big ??= startWorker('message-tokens-big'))([r]);
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
