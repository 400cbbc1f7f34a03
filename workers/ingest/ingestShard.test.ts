import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/core/decode/memorySource';
import { ingestShard, type ShardBatch, type ShardCursor } from './ingestShard';

const lines = Array.from({ length: 250 }, (_, i) => JSON.stringify({ instance_id: `o__r-${i}`, messages: [{ role: 'user', content: `task ${i}` }] }));
const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
const open = async () => memorySource(bytes, 'train.jsonl', 1000);
const cursor = (over: Partial<ShardCursor> = {}): ShardCursor => ({ source: 'o/n', config: 'default', split: 'train', path: 'train.jsonl', rowsDone: 0, ...over });

async function run(c: ShardCursor, stopAfter = Infinity) {
  const committed: ShardBatch[] = [];
  const abort = new AbortController();
  const result = await ingestShard({
    cursor: c,
    open,
    signal: abort.signal,
    commit: async (b) => {
      committed.push(b);
      c.rowsDone = b.nextRow;
      if (committed.length >= stopAfter) abort.abort();
    },
  });
  return { result, committed, ids: committed.flatMap((b) => b.items.map((it) => it.trajectory.id)) };
}

describe('ingestShard', () => {
  it('reads a shard to its end in committed batches, counting bytes', async () => {
    const { result, committed, ids } = await run(cursor());
    expect(result).toBe('done');
    expect(ids).toHaveLength(250);
    expect(ids[0]).toBe('o/n/default/train/train.jsonl#0');
    // The whole stream plus the head the reader sniffs the format from.
    expect(committed.at(-1)?.bytesRead).toBeGreaterThanOrEqual(bytes.byteLength);
  });

  it('stops between batches when aborted and resumes after the last commit, without loss or duplicates', async () => {
    const c = cursor();
    const first = await run(c, 1);
    expect(first.result).toBe('aborted');
    expect(c.rowsDone).toBe(100);
    const second = await run(c);
    expect([...first.ids, ...second.ids]).toEqual(Array.from({ length: 250 }, (_, i) => `o/n/default/train/train.jsonl#${i}`));
  });

  it('decodes on while earlier batches commit, starting commits in order, at most two at a time', async () => {
    let pulled = 0;
    const counted = async () => {
      const source = memorySource(bytes, 'train.jsonl', 1000);
      return { ...source, stream: () => source.stream().pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => ((pulled += chunk.byteLength), out.enqueue(chunk)) })) };
    };
    const during: number[] = [];
    let inFlight = 0;
    let most = 0;
    const firstRows: number[] = [];
    const result = await ingestShard({
      cursor: cursor(),
      open: counted,
      signal: new AbortController().signal,
      commit: async (b) => {
        most = Math.max(most, ++inFlight);
        firstRows.push(b.items[0]?.row ?? -1);
        const before = pulled;
        await new Promise((r) => setTimeout(r, 20));
        during.push(pulled - before);
        inFlight--;
      },
    });
    expect(result).toBe('done');
    expect(firstRows).toEqual([0, 100, 200]);
    expect(most).toBe(2);
    // The second batch's 100 lines (over 6 KB) were read while the first one was committing.
    expect(during[0]).toBeGreaterThan(5000);
  });

  it('a failed commit stops the read: it is the error reported, and no batch after those under way is started', async () => {
    const seen: number[] = [];
    const read = ingestShard({
      cursor: cursor(),
      open,
      signal: new AbortController().signal,
      commit: async (b) => {
        seen.push(b.nextRow);
        if (seen.length === 1) {
          await new Promise((r) => setTimeout(r, 20));
          throw new Error('storage refused batch 1');
        }
        throw new Error(`batch ${seen.length} does not follow the stored rows`);
      },
    });
    await expect(read).rejects.toThrow('storage refused batch 1');
    expect(seen).toEqual([100, 200]);
  });

  it('a read that fails while a batch commits lets that commit finish first', async () => {
    const failing = async () => {
      const source = memorySource(bytes, 'train.jsonl', 1000);
      let sent = 0;
      const broken = new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, out) => {
          sent += chunk.byteLength;
          if (sent > 9000) throw new Error('connection lost at byte 9000');
          out.enqueue(chunk);
        },
      });
      return { ...source, stream: () => source.stream().pipeThrough(broken) };
    };
    let finished = 0;
    const read = ingestShard({
      cursor: cursor(),
      open: failing,
      signal: new AbortController().signal,
      commit: async () => {
        await new Promise((r) => setTimeout(r, 20));
        finished++;
      },
    });
    await expect(read).rejects.toThrow('connection lost at byte 9000');
    expect(finished).toBe(1);
  });

  it('honours a sample limit', async () => {
    const { ids } = await run(cursor({ rowLimit: 30 }));
    expect(ids).toHaveLength(30);
    expect((await run(cursor({ rowsDone: 30, rowLimit: 30 }))).committed).toHaveLength(0);
  });
});
