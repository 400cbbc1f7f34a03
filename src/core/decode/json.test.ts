import { describe, expect, it } from 'vitest';
import { readJson } from './json';
import { memorySource } from './memorySource';
import type { RowBatch } from './types';

async function read(value: unknown, name = 'doc.json', chunkSize = 7): Promise<RowBatch[]> {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const source = memorySource(new TextEncoder().encode(text), name, chunkSize);
  const out: RowBatch[] = [];
  for await (const batch of readJson(source.stream(), name)) out.push(batch);
  return out;
}

const rowsOf = (batches: RowBatch[]) => batches.flatMap((b) => b.rows);

describe('readJson', () => {
  it('reads an array of objects as rows, in batches of 100', async () => {
    const rows = Array.from({ length: 150 }, (_, id) => ({ id, text: 'é' }));
    const batches = await read(rows);
    expect(batches.map((b) => [b.firstRow, b.rows.length])).toEqual([[0, 100], [100, 50]]);
    expect(rowsOf(batches)).toEqual(rows);
  });

  it('reports non-object elements as row errors', async () => {
    const batches = await read([{ id: 0 }, 5, null, { id: 3 }]);
    expect(rowsOf(batches)).toEqual([{ id: 0 }, { id: 3 }]);
    expect(batches.flatMap((b) => b.errors)).toEqual([
      { row: 1, message: 'expected a JSON object, got a number (5)' },
      { row: 2, message: 'expected a JSON object, got null' },
    ]);
    expect(batches.at(-1)?.firstRow).toBe(3);
  });

  it('reads a bare list of chat messages (mini-swe-agent .traj.json) as ONE trajectory', async () => {
    const messages = [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: [{ type: 'text', text: 'Fix the bug' }] },
      { role: 'assistant', content: 'THOUGHT: look\n```bash\nls\n```' },
      { role: 'exit', content: '', extra: { submission: 'diff --git a/x b/x' } },
    ];
    expect(await read(messages, 'run.traj.json')).toEqual([{ firstRow: 0, rows: [{ messages }], errors: [] }]);
  });

  it('reads a bare ShareGPT conversation as one trajectory', async () => {
    const conversation = [
      { from: 'human', value: 'hi' },
      { from: 'gpt', value: 'hello' },
    ];
    expect(rowsOf(await read(conversation))).toEqual([{ messages: conversation }]);
  });

  it('reads a SWE-agent .traj object as one row', async () => {
    const traj = {
      trajectory: [{ thought: 't', action: 'ls', observation: 'a.py' }],
      history: [{ role: 'system', content: 's', message_type: 'system_prompt' }],
      info: { exit_status: 'submitted', submission: 'diff --git a/a.py b/a.py' },
    };
    expect(await read(traj, 'x.traj')).toEqual([{ firstRow: 0, rows: [traj], errors: [] }]);
  });

  it('unwraps the datasets-server rows shape', async () => {
    const page = {
      features: [{ feature_idx: 0, name: 'messages', type: {} }],
      rows: [
        { row_idx: 0, row: { messages: [] }, truncated_cells: [] },
        { row_idx: 1, row: { messages: [{ role: 'user', content: 'x' }] }, truncated_cells: [] },
      ],
      num_rows_total: 2,
    };
    expect(rowsOf(await read(page))).toEqual([{ messages: [] }, { messages: [{ role: 'user', content: 'x' }] }]);
    expect(await read({ features: [], rows: [] })).toEqual([]);
  });

  it('keeps an object whose rows are not datasets-server rows as one row', async () => {
    expect(rowsOf(await read({ rows: [1, 2] }))).toEqual([{ rows: [1, 2] }]);
  });

  it('fails with the file name on invalid, empty or scalar documents', async () => {
    await expect(read('{"a": ', 'broken.json')).rejects.toThrow(/^broken\.json: invalid JSON document/);
    await expect(read('  \n', 'empty.json')).rejects.toThrow(/^empty\.json: empty JSON document/);
    await expect(read('42', 'n.json')).rejects.toThrow(/^n\.json: expected a JSON object or array, got number/);
  });

  it('returns an empty array as no rows', async () => {
    expect(await read([])).toEqual([]);
  });
});
