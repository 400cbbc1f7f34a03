import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../bin/trajectory-explorer.js');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'te-cli-'));
const row = (i: number, resolved: number) => ({
  instance_id: `octo__repo-${i}`,
  resolved,
  messages: [
    { role: 'user', content: 'Fix it' },
    { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'execute_bash', arguments: '{"command":"grep -rn x ."}' } }] },
    { role: 'tool', content: 'x.py:1:x' },
  ],
  metadata: { model_patch: { patch: 'diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-x\n+y\n' } },
});
const good = path.join(dir, 'good.jsonl');
writeFileSync(good, [row(0, 1), row(1, 0), row(2, -1)].map((r) => JSON.stringify(r)).join('\n') + '\n');
const badLine = path.join(dir, 'bad-line.jsonl');
writeFileSync(badLine, `${JSON.stringify(row(3, 1))}\n{"instance_id": oops}\n${JSON.stringify(row(4, 1))}\n`);
const parquet = parquetWriteBuffer({ columnData: [{ name: 'instance_id', data: Array.from({ length: 50 }, (_, i) => `a__b-${i}`) }, { name: 'messages', data: Array.from({ length: 50 }, () => JSON.stringify(row(0, 1).messages)) }] });
const truncated = path.join(dir, 'truncated.parquet');
writeFileSync(truncated, new Uint8Array(parquet).slice(0, Math.floor(parquet.byteLength / 2)));

describe('trajectory-explorer CLI', () => {
  it('rows prints one canonical record per line with exactly the documented keys', async () => {
    const { code, stdout } = await cli('rows', good);
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(3);
    expect(Object.keys(records[0] ?? {})).toEqual(['id', 'instanceId', 'repo', 'language', 'agent', 'model', 'outcome', 'exitStatus', 'format', 'messages', 'patch', 'patchSource', 'referencePatch', 'warnings', 'features']);
    expect(records.map((r) => r.outcome)).toEqual(['resolved', 'unresolved', 'ungraded']);
    expect(records[0]).toMatchObject({ id: expect.stringMatching(/good\.jsonl#0$/), repo: 'octo/repo', patchSource: 'metadata', format: 'open-swe-traces' });
    expect((records[0]?.messages as unknown[])[1]).toEqual({ role: 'assistant', content: '', toolCalls: [{ name: 'execute_bash', arguments: { command: 'grep -rn x .' } }] });
    expect(records[0]?.features).toMatchObject({ nMessages: 3, patchFiles: 1, patchAdd: 1, patchDel: 1, tools: { execute_bash: 1, 'bash:grep': 1 } });
  });

  it('stats summarises outcomes, token percentiles, context fit and tools', async () => {
    const { code, stdout } = await cli('stats', good);
    expect(code).toBe(0);
    const s = JSON.parse(stdout) as Record<string, any>;
    expect(s.rows).toBe(3);
    expect(s.outcomes).toEqual({ resolved: 1, unresolved: 1, ungraded: 1 });
    expect(s.resolutionRate).toBe(0.5);
    expect(Object.keys(s.tokens)).toEqual(['p50', 'p75', 'p90', 'p95', 'p99', 'max', 'fits', 'exact']);
    expect(s.tokens.fits).toEqual({ 8192: 1, 16384: 1, 32768: 1, 65536: 1, 131072: 1 });
    expect(s.topTools).toEqual([{ name: 'execute_bash', count: 3 }]);
  });

  it('names the file and row of bad input, exits non-zero, and still reads the other files', async () => {
    const { code, stdout, stderr } = await cli('rows', badLine, path.join(dir, 'missing.jsonl'), truncated, good);
    expect(code).toBe(1);
    expect(stderr).toContain(`${badLine}: row 1:`);
    expect(stderr).toContain(`${path.join(dir, 'missing.jsonl')}: no such file`);
    expect(stderr).toContain(truncated);
    expect(stdout.trim().split('\n')).toHaveLength(2 + 3);
  });

  it('rejects an unknown command or format with usage and exit code 2', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const bad = await cli('stats', '--format', 'nope', good);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "nope"');
  });
});
