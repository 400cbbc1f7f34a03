// Time to first rows: readParquet (one batch per row group) vs readParquetIncremental, over a
// local parquet file, optionally through a simulated network (latency per range read and a
// bandwidth), e.g. the --scale large fixture shard:
//   npx tsx scripts/benchParquetStream.ts FILE [whole|incremental] [--latency MS --mbps MB/s] [--piece MB]
import { nodeFileSource } from '../src/core/decode/nodeSource';
import { readParquet } from '../src/core/decode/parquet';
import { readParquetIncremental } from '../src/core/decode/parquetStream';
import type { ByteSource, RowBatch } from '../src/core/decode/types';

interface Args { file: string; mode: 'whole' | 'incremental'; latencyMs: number; mbps: number; pieceMB: number }

function parseArgs(argv: string[]): Args {
  const [file, mode = 'incremental'] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  if (!file || (mode !== 'whole' && mode !== 'incremental')) {
    console.error('usage: tsx scripts/benchParquetStream.ts FILE [whole|incremental] [--latency MS --mbps MB/s] [--piece MB]');
    process.exit(2);
  }
  return { file, mode, latencyMs: flag('latency', 0), mbps: flag('mbps', 0), pieceMB: flag('piece', 4) };
}

/** Bytes and reads delivered so far (a read still in flight does not count). */
interface Counter { bytes: number; reads: number }

/** The source with a byte count and, if asked, each read delayed as a network would (one link shared by all reads). */
function instrumented(source: ByteSource, args: Args, counter: Counter): ByteSource {
  let linkFreeAt = 0;
  return {
    ...source,
    slice: async (start, end) => {
      const bytes = await source.slice(start, end);
      if (args.latencyMs || args.mbps) {
        const transfer = args.mbps ? ((end - start) / (args.mbps * 1e6)) * 1000 : 0;
        linkFreeAt = Math.max(linkFreeAt, performance.now() + args.latencyMs) + transfer;
        await new Promise((resolve) => setTimeout(resolve, linkFreeAt - performance.now()));
      }
      counter.bytes += end - start;
      counter.reads++;
      return bytes;
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const counter: Counter = { bytes: 0, reads: 0 };
  const source = instrumented(await nodeFileSource(args.file), args, counter);
  const started = performance.now();
  const batches: AsyncGenerator<RowBatch> = args.mode === 'whole'
    ? readParquet(source)
    : readParquetIncremental(source, { pieceBytes: args.pieceMB * (1 << 20) });
  let first: { ms: number; bytes: number; reads: number; rows: number } | undefined;
  let rows = 0;
  let batchCount = 0;
  let peakRss = 0;
  for await (const batch of batches) {
    rows += batch.rows.length;
    batchCount++;
    first ??= { ms: performance.now() - started, bytes: counter.bytes, reads: counter.reads, rows: batch.rows.length };
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const mb = (n: number) => `${(n / (1 << 20)).toFixed(1)} MB`;
  const net = args.latencyMs || args.mbps ? `, network ${args.latencyMs} ms + ${args.mbps} MB/s` : ', local disk';
  console.log(`${args.mode}${args.mode === 'incremental' ? ` (pieces ${args.pieceMB} MB)` : ''}${net}: file ${mb(source.size)}`);
  console.log(`  first batch: ${first?.ms.toFixed(0)} ms, ${first?.rows} rows, after ${mb(first?.bytes ?? 0)} in ${first?.reads} reads`);
  console.log(`  all ${rows} rows in ${batchCount} batches: ${(performance.now() - started).toFixed(0)} ms, ${mb(counter.bytes)} in ${counter.reads} reads, peak RSS ${mb(peakRss)}`);
}

await main();
