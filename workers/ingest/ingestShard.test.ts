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

  it('honours a sample limit', async () => {
    const { ids } = await run(cursor({ rowLimit: 30 }));
    expect(ids).toHaveLength(30);
    expect((await run(cursor({ rowsDone: 30, rowLimit: 30 }))).committed).toHaveLength(0);
  });
});
