import { describe, expect, it } from 'vitest';
import { detectFileKind, kindFromName } from './fileKind';
import { DecodeError } from './types';

const text = (s: string) => new TextEncoder().encode(s);
const none = new Uint8Array(0);

describe('kindFromName', () => {
  it.each([
    ['data/train-00000-of-00002.parquet', 'parquet'],
    ['x.jsonl', 'jsonl'],
    ['x.NDJSON', 'jsonl'],
    ['output.jsonl', 'jsonl'],
    ['output.jsonl.gz', 'jsonl'],
    ['run.traj', 'json'],
    ['django__django-1.traj.json', 'json'],
    ['rows.json.gz', 'json'],
    ['https://hf.co/x/resolve/main/a.parquet?download=true', 'parquet'],
    ['notes.txt', undefined],
  ])('%s → %s', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});

describe('detectFileKind', () => {
  it('knows parquet by its magic, whatever the name', () => {
    expect(detectFileKind('blob', text('PAR1\x15\x04'))).toEqual({ kind: 'parquet', gzip: false });
  });

  it('reports gzip by magic and takes the kind from the name', () => {
    expect(detectFileKind('output.jsonl.gz', new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ kind: 'jsonl', gzip: true });
    expect(detectFileKind('a.traj', new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ kind: 'json', gzip: true });
  });

  it('refuses gzip it cannot name, and gzipped parquet', () => {
    expect(() => detectFileKind('blob', new Uint8Array([0x1f, 0x8b]))).toThrow(DecodeError);
    expect(() => detectFileKind('a.parquet.gz', new Uint8Array([0x1f, 0x8b]))).toThrow(/decompress it first/);
  });

  it('trusts content over a .gz name when the bytes are not gzip (already decompressed)', () => {
    expect(detectFileKind('a.jsonl.gz', text('{"a":1}\n{"a":2}\n'))).toEqual({ kind: 'jsonl', gzip: false });
  });

  it('tells JSONL from one JSON document by the first line', () => {
    expect(detectFileKind('x', text('{"a":1}\n{"a":2}\n')).kind).toBe('jsonl');
    expect(detectFileKind('x', text('\n\n  {"a":1}\r\n{"a":2}')).kind).toBe('jsonl');
    expect(detectFileKind('x', text('{\n  "history": []\n}\n')).kind).toBe('json');
    expect(detectFileKind('x', text('{"a":1}\n')).kind).toBe('json');
    expect(detectFileKind('x', text('[{"role":"user","content":"hi"}]')).kind).toBe('json');
    expect(detectFileKind('x', text('\uFEFF[\n]')).kind).toBe('json');
  });

  it('reads HF ".json" files that are really JSON Lines as JSONL', () => {
    expect(detectFileKind('train.json', text('{"a":1}\n{"a":2}\n')).kind).toBe('jsonl');
  });

  it('falls back to the name when the first line does not fit in the head', () => {
    const longLine = text(`{"messages":"${'x'.repeat(5000)}`).subarray(0, 4096);
    expect(detectFileKind('a.json', longLine).kind).toBe('json');
    expect(detectFileKind('a.jsonl', longLine).kind).toBe('jsonl');
    expect(detectFileKind('blob', longLine).kind).toBe('jsonl');
  });

  it('names the file and says what it saw when it cannot tell', () => {
    expect(() => detectFileKind('notes.txt', text('hello'))).toThrow(/notes\.txt: unknown file type \(it starts with "hello"\)/);
    expect(() => detectFileKind('a.parquet', text('version https://git-lfs.github.com/spec/v1\noid sha256:'))).toThrow(/a\.parquet: .*Git LFS pointer/);
    expect(() => detectFileKind('page', text('<!DOCTYPE html>'))).toThrow(/HTML/);
    expect(() => detectFileKind('empty', none)).toThrow(/empty/);
  });

  it('uses the name for an empty file', () => {
    expect(detectFileKind('empty.jsonl', none)).toEqual({ kind: 'jsonl', gzip: false });
  });
});
