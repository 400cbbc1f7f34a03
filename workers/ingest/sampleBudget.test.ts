import { describe, expect, it } from 'vitest';
import { readingOrder, rowLimits, rowsTarget } from './sampleBudget';

const shard = (split: string, path: string, rowsDone = 0) => ({ key: `${split}/${path}`, config: 'default', split, path, rowsDone });

describe('sample budget', () => {
  it('orders shards by config, split and path', () => {
    const order = readingOrder([shard('train', 'b-00001'), shard('test', 'a'), shard('train', 'b-00000')]);
    expect(order.map((s) => `${s.split}/${s.path}`)).toEqual(['test/a', 'train/b-00000', 'train/b-00001']);
  });

  it("gives each shard what its split's earlier shards left", () => {
    const a = shard('train', 'train-00000', 300);
    const b = shard('train', 'train-00001', 0);
    const c = shard('test', 'test-00000', 0);
    const limits = rowLimits([a, b, c], 400);
    expect(limits.get(a.key)).toBe(400);
    expect(limits.get(b.key)).toBe(100);
    expect(limits.get(c.key)).toBe(400);
    a.rowsDone = 400;
    expect(rowLimits([a, b, c], 400).get(b.key)).toBe(0);
  });

  it('knows the target only when the size is', () => {
    expect(rowsTarget(2500, 400)).toBe(400);
    expect(rowsTarget(120, 400)).toBe(120);
    expect(rowsTarget(null, 400)).toBeNull();
    expect(rowsTarget(2500, undefined)).toBe(2500);
  });
});
