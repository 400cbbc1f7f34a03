import { describe, expect, it } from 'vitest';
import { ACCEPT_ATTRIBUTE, isAccepted, unsupportedMessage } from './acceptedFiles';
import { formatBytes, formatDuration } from './display';

describe('accepted files', () => {
  it.each([
    'train-00000-of-00004.parquet',
    'rollouts.jsonl',
    'output.JSONL',
    'data.json',
    'output.jsonl.gz',
    'django__django-11099.traj',
    'astropy__astropy-12907.traj.json',
  ])('accepts %s', (name) => expect(isAccepted(name)).toBe(true));

  it.each(['notes.txt', 'archive.zip', 'parquet', 'model.safetensors'])('rejects %s', (name) => expect(isAccepted(name)).toBe(false));

  it('offers every extension to the picker and names the file when refusing one', () => {
    expect(ACCEPT_ATTRIBUTE).toBe('.parquet,.jsonl,.ndjson,.json,.gz,.traj,.traj.json');
    expect(unsupportedMessage('notes.txt')).toMatch(/^notes\.txt: unsupported file type/);
  });
});

describe('formatting', () => {
  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatDuration(42.4)).toBe('42 ms');
  });
});
