import { useEffect, useState } from 'react';
import type { Message } from '../../core/types';
import { messageTokenCounter } from '../../../workers/messageTokensClient';

export interface TokenCount {
  value: number;
  /** False while the exact count is pending (or failed): `value` is the len/4 estimate. */
  exact: boolean;
}

const counted = new WeakMap<Message, number>();
const pending = new WeakMap<Message, Promise<number>>();

function estimate(message: Message): TokenCount {
  return { value: Math.max(1, Math.floor(message.content.length / 4)), exact: false };
}

/** This message's cl100k_base tokens, counted in a worker the first time the message is shown. */
export function useMessageTokens(message: Message): TokenCount {
  const [count, setCount] = useState<TokenCount>(() => known(message));
  useEffect(() => {
    const done = counted.get(message);
    if (done !== undefined) {
      setCount({ value: done, exact: true });
      return;
    }
    setCount(estimate(message));
    let live = true;
    let request = pending.get(message);
    if (!request) {
      request = messageTokenCounter().count(message.content);
      pending.set(message, request);
    }
    request.then(
      (n) => {
        counted.set(message, n);
        if (live) setCount({ value: n, exact: true });
      },
      () => pending.delete(message),
    );
    return () => {
      live = false;
    };
  }, [message]);
  return count;
}

function known(message: Message): TokenCount {
  const done = counted.get(message);
  return done === undefined ? estimate(message) : { value: done, exact: true };
}
