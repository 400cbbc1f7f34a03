import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseRate } from './bandwidth';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('parseRate', () => {
  it.each([
    ['100mbit', 12_500_000],
    ['1gbit', 125_000_000],
    ['12.5MB', 12_500_000],
    ['512KiB', 524_288],
    ['2000', 2000],
    ['1e6', 1_000_000],
    ['100Mbit/s', 12_500_000],
    ['off', 0],
  ])('%s is %i bytes/s', (text, expected) => expect(parseRate(text)).toBe(expected));

  it('refuses what it cannot read, saying what it accepts', () => {
    expect(() => parseRate('fast')).toThrow('cannot read the rate "fast": use a number of bytes per second or a unit such as 100mbit, 12.5MB, 512KiB');
    expect(() => parseRate('10 parsecs')).toThrow(/cannot read the rate/);
  });
});

describe('scripts/hub/main.ts', () => {
  it('prints its URL on the first stdout line, serves the folder, logs requests, and stops on SIGTERM', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fake-hub-main-'));
    mkdirSync(path.join(root, 'o', 'd'), { recursive: true });
    writeFileSync(path.join(root, 'o', 'd', 'train.jsonl'), '{"a":1}\n');
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'hub', 'main.ts'), root, '--throttle', '100mbit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    try {
      const url = (await lines.next()).value as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/datasets/o/d/resolve/main/train.jsonl`);
      expect(await res.text()).toBe('{"a":1}\n');
      expect((await lines.next()).value).toBe('GET /datasets/o/d/resolve/main/train.jsonl 200 8 B');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits with 2 and the usage on a bad argument', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'hub', 'main.ts'), '/nonexistent-folder-xyz'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent-folder-xyz is not a folder');
    expect(stderr).toContain('usage: tsx scripts/hub/main.ts <folder>');
  });
});
