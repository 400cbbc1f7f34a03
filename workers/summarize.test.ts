import { describe, expect, it } from 'vitest';
import { blobSource } from '../src/core/decode/blobSource';
import { MAX_ERRORS, PREVIEW_ROWS, type Progress } from './api';
import { fatalMessage, summarizeFile } from './summarize';

function miniSweLine(i: number, exit = 'Submitted'): string {
  return JSON.stringify({
    instance_id: `django__django-${1000 + i}`,
    exit_status: exit,
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Fix the bug.' },
      { role: 'assistant', content: 'THOUGHT: look\n\n```bash\nls -la\n```' },
      { role: 'user', content: 'Observation: README' },
    ],
  });
}

const jsonl = (lines: string[], name = 'runs.jsonl') => blobSource(new Blob([lines.join('\n') + '\n']), name);

describe('summarizeFile', () => {
  it('detects the format, counts rows and keeps the first rows with exact tokens', async () => {
    const progress: Progress[] = [];
    const s = await summarizeFile(jsonl(Array.from({ length: 30 }, (_, i) => miniSweLine(i))), { progressEveryMs: 0 }, (p) => progress.push(p));
    expect(s.name).toBe('runs.jsonl');
    expect(s.fatal).toBeUndefined();
    expect(s.detection?.format).toBe('swe-zero');
    expect(s.detection?.reason).toMatch(/exit_status/);
    expect(s.rowCount).toBe(30);
    expect(s.errorCount).toBe(0);
    expect(s.preview).toHaveLength(PREVIEW_ROWS);
    expect(s.preview[0]).toMatchObject({ id: 'local/runs.jsonl#0', row: 0, instanceId: 'django__django-1000', outcome: 'ungraded', nMessages: 4, tokensExact: true });
    expect(s.preview[0]?.tokens).toBeGreaterThan(10);
    expect(s.preview.map((r) => r.row)).toEqual(Array.from({ length: PREVIEW_ROWS }, (_, i) => i));
    expect(progress.at(-1)?.rows).toBe(30);
    expect(progress[0]?.detection?.format).toBe('swe-zero');
  });

  it('reports malformed lines as row errors and reads the rest', async () => {
    const s = await summarizeFile(jsonl([miniSweLine(0), '{"instance_id": "broken', miniSweLine(2)]));
    expect(s.rowCount).toBe(2);
    expect(s.errorCount).toBe(1);
    expect(s.errors[0]?.row).toBe(1);
    expect(s.preview.map((r) => r.id)).toEqual(['local/runs.jsonl#0', 'local/runs.jsonl#2']);
  });

  it('keeps at most MAX_ERRORS row errors but counts them all', async () => {
    const lines = Array.from({ length: MAX_ERRORS + 7 }, () => '{nope');
    const s = await summarizeFile(jsonl([miniSweLine(0), ...lines]));
    expect(s.errorCount).toBe(MAX_ERRORS + 7);
    expect(s.errors).toHaveLength(MAX_ERRORS);
  });

  it('honours a forced format', async () => {
    const s = await summarizeFile(jsonl([miniSweLine(0)]), { format: 'raw' });
    expect(s.detection).toMatchObject({ format: 'raw', overridden: true });
  });

  it('turns an unreadable file into a fatal message naming the file', async () => {
    const s = await summarizeFile(blobSource(new Blob([new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3])]), 'cut.parquet'));
    expect(s.fatal).toContain('cut.parquet');
    expect(s.rowCount).toBe(0);
    expect(s.preview).toEqual([]);
  });

  it('names the file in fatal messages that do not', () => {
    expect(fatalMessage('a.jsonl', new Error('boom'))).toBe('a.jsonl: boom');
    expect(fatalMessage('a.jsonl', new Error('a.jsonl row 3: boom'))).toBe('a.jsonl row 3: boom');
  });
});
