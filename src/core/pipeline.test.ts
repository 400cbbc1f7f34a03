import { describe, expect, it } from 'vitest';
import { memorySource } from './decode/memorySource';
import { readTrajectories, type TrajectoryBatch } from './pipeline';

const row = (i: number) => JSON.stringify({ instance_id: `o__r-${i}`, messages: [{ role: 'user', content: `task ${i}` }, { role: 'assistant', content: 'done' }] });

async function read(lines: string[], opts: { rowStart?: number; rowEnd?: number; batchSize?: number } = {}): Promise<TrajectoryBatch[]> {
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
  const out: TrajectoryBatch[] = [];
  for await (const b of readTrajectories(memorySource(bytes, 'f.jsonl'), { source: 's', ...opts })) out.push(b);
  return out;
}

describe('readTrajectories row ranges', () => {
  it('reads only [rowStart, rowEnd) and keeps row ids', async () => {
    const batches = await read(Array.from({ length: 10 }, (_, i) => row(i)), { rowStart: 3, rowEnd: 7, batchSize: 2 });
    expect(batches.flatMap((b) => b.items.map((it) => it.trajectory.id))).toEqual(['s/f.jsonl#3', 's/f.jsonl#4', 's/f.jsonl#5', 's/f.jsonl#6']);
    expect(batches.map((b) => [b.firstRow, b.nextRow])).toEqual([[3, 5], [5, 7]]);
  });

  it('nextRow steps past a bad row that closed its batch, so a resume never re-reads it', async () => {
    const lines = [row(0), row(1), '{"broken": ', row(3)];
    const batches = await read(lines, { batchSize: 10 });
    expect(batches.map((b) => [b.firstRow, b.nextRow, b.items.length, b.errors.map((e) => e.row)])).toEqual([[0, 3, 2, [2]], [3, 4, 1, []]]);
    const resumed = await read(lines, { rowStart: batches[0]!.nextRow });
    expect(resumed.flatMap((b) => b.items.map((it) => it.trajectory.id))).toEqual(['s/f.jsonl#3']);
  });
});

describe('agent and model from the Hub config and split', () => {
  const bytes = new TextEncoder().encode(`${row(0)}\n`);
  const read = async (config: string, split: string) => {
    for await (const b of readTrajectories(memorySource(bytes, 'f.jsonl'), { source: 's', config, split })) return b.items[0]?.trajectory;
    return undefined;
  };

  it('takes config and split as harness and model when they name them', async () => {
    expect(await read('openhands', 'qwen35_122b')).toMatchObject({ agent: 'openhands', model: 'qwen35_122b' });
  });

  it('ignores the default config and the standard split names', async () => {
    const t = await read('default', 'train');
    expect(t?.agent).not.toBe('default');
    expect(t?.model).toBeUndefined();
  });
});
