/// <reference lib="webworker" />
/**
 * Counts cl100k_base tokens of single message texts off the main thread, so the thread view can
 * show a count for each message it displays (a 10 MB observation takes seconds to encode).
 */
import * as Comlink from 'comlink';
import { countTokens } from '../src/core/tokens';
import type { MessageTokensApi } from './messageTokensApi';

const api: MessageTokensApi = {
  count(texts: string[]): number[] {
    return texts.map((content) => countTokens([{ role: 'user', content }]).total);
  },
};

Comlink.expose(api);
