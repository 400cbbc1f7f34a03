/// <reference lib="webworker" />
/** One member of the token pool: exact cl100k_base counts, the slowest stage of ingest. */
import * as Comlink from 'comlink';
import { countInputs } from './tokenJob';

export type TokenWorkerApi = { count: typeof countInputs };

Comlink.expose({ count: countInputs } satisfies TokenWorkerApi);
