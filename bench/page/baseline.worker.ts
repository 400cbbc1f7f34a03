/// <reference lib="webworker" />
/**
 * The baselines the ingest is measured against, each the bare library on the same input:
 * cl100k counting of the shard's message texts, and hyparquet decoding the shard over the same
 * HTTP range source the ingest reads.
 */
import * as Comlink from 'comlink';
import { countTokens as bareCount, clearMergeCache } from 'gpt-tokenizer/encoding/cl100k_base';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { countingSource } from '../../src/core/decode/countingSource';
import { asyncBufferOf } from '../../src/core/decode/parquetBuffer';
import { readTrajectories } from '../../src/core/pipeline';
import { countTokens } from '../../src/core/tokens';
import type { Message } from '../../src/core/types';
import { httpByteSource } from '../../workers/sources/httpSource';
import type { DecodeTiming, TokenizeTiming } from '../shared/protocol';

const AS_TEXT = { disallowedSpecial: new Set<string>() };

async function decode(url: string, size: number): Promise<DecodeTiming> {
  const start = performance.now();
  let bytes = 0;
  const source = countingSource(await httpByteSource(url, { size }), (n) => (bytes += n));
  const rows = await parquetReadObjects({ file: asyncBufferOf(source), compressors });
  return { rows: rows.length, bytes, ms: performance.now() - start };
}

/** The texts the token pool counts: each row's message contents joined by "\n" (untimed). */
async function messagesOf(url: string, size: number): Promise<Message[][]> {
  const source = await httpByteSource(url, { size });
  const out: Message[][] = [];
  for await (const batch of readTrajectories(source, { source: 'bench', exactTokens: false })) {
    for (const item of batch.items) out.push(item.trajectory.messages.map((m) => ({ role: m.role, content: m.content })));
  }
  return out;
}

/** Milliseconds to count `texts`, emptying the library's merge cache before each one or only once. */
function timeCount(texts: string[], resetPerText: boolean): { ms: number; tokens: number } {
  clearMergeCache();
  const start = performance.now();
  let tokens = 0;
  for (const text of texts) {
    if (resetPerText) clearMergeCache();
    tokens += bareCount(text, AS_TEXT);
  }
  return { ms: performance.now() - start, tokens };
}

async function tokenize(url: string, size: number, passes: number, defaultCacheRows: number): Promise<TokenizeTiming> {
  const prepareStart = performance.now();
  const rows = await messagesOf(url, size);
  const texts = rows.map((messages) => messages.map((m) => m.content).join('\n'));
  const prepareMs = performance.now() - prepareStart;
  const passesMs: number[] = [];
  let tokens = 0;
  for (let p = 0; p < passes; p++) {
    const pass = timeCount(texts, true);
    passesMs.push(pass.ms);
    tokens = pass.tokens;
  }
  const head = texts.slice(0, defaultCacheRows);
  const defaultCache = { rows: head.length, ms: timeCount(head, false).ms, resetMs: timeCount(head, true).ms };
  const start = performance.now();
  let pipelineTokens = 0;
  for (const messages of rows) pipelineTokens += countTokens(messages).total;
  const pipelineCounterMs = performance.now() - start;
  if (pipelineTokens !== tokens) throw new Error(`the pipeline's counter found ${pipelineTokens} tokens, the bare tokenizer ${tokens}`);
  return { rows: rows.length, chars: texts.reduce((n, t) => n + t.length, 0), tokens, passesMs, defaultCache, pipelineCounterMs, prepareMs };
}

const api = { decode, tokenize };
export type BaselineWorkerApi = typeof api;
Comlink.expose(api);
