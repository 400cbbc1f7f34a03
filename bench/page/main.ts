/** The bench page: the app's own dataset worker plus baseline workers, driven by bench/run.ts. */
import { defaultPoolSize } from '../../workers/tokens/tokenPool';
import type { BenchApi } from '../shared/protocol';
import { decodeBaseline, tokenizeBaseline } from './baselines';
import { download } from './download';
import { ingest } from './ingest';

const cores = navigator.hardwareConcurrency;

window.bench = {
  ingest,
  tokenize: tokenizeBaseline,
  decode: decodeBaseline,
  download,
  machine: () => ({ cores, poolSize: defaultPoolSize(cores), userAgent: navigator.userAgent }),
} satisfies BenchApi;
