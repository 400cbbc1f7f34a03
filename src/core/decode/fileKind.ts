import { isGzip } from './gzip';
import { DecodeError, type FileKind } from './types';

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** Longest suffix first, so `.traj.json` is not taken for plain `.json`. */
const SUFFIXES: ReadonlyArray<readonly [string, FileKind]> = [
  ['.traj.json', 'json'],
  ['.parquet', 'parquet'],
  ['.ndjson', 'jsonl'],
  ['.jsonl', 'jsonl'],
  ['.json', 'json'],
  ['.traj', 'json'],
];

const EXPECTED = 'expected .parquet, .jsonl, .ndjson, .json, .traj or .traj.json (optionally .gz)';

/**
 * Picks the reader for a file from its name and its first bytes (`head`, a few KB).
 *
 * The content wins when it is conclusive, because names lie: HF datasets often name JSON Lines
 * files `.json`, and a `.gz` may arrive already decompressed. The name decides when the content
 * cannot (a first line longer than `head`). For a gzip `head` only the name can tell what is
 * inside; callers that can decompress should sniff the decompressed bytes instead (readRows does).
 */
export function detectFileKind(name: string, head: Uint8Array): { kind: FileKind; gzip: boolean } {
  const named = kindFromName(name);
  if (isGzip(head)) {
    if (named === 'parquet') throw new DecodeError(name, 'a gzip-compressed parquet file: decompress it first (parquet compresses its own pages)');
    if (named) return { kind: named, gzip: true };
    throw new DecodeError(name, `gzip-compressed, and the name does not say what is inside; ${EXPECTED}`);
  }
  const sniffed = kindFromContent(head);
  if (sniffed) return { kind: sniffed, gzip: false };
  if (named === 'parquet') throw new DecodeError(name, `named .parquet but it does not start with PAR1: ${describeHead(head)}`);
  if (named) return { kind: named, gzip: false };
  // A first line longer than `head` is what a JSONL of big trajectories looks like; the JSONL
  // reader also reads a one-line JSON document correctly.
  if (firstChar(decodeHead(head)) === '{') return { kind: 'jsonl', gzip: false };
  throw new DecodeError(name, `unknown file type (${describeHead(head)}); ${EXPECTED}`);
}

/** The kind a file name suggests, ignoring `.gz`, case, and a URL's query or fragment. */
export function kindFromName(name: string): FileKind | undefined {
  const base = stripGz(name.replace(/[?#].*$/, '').toLowerCase());
  return SUFFIXES.find(([suffix]) => base.endsWith(suffix))?.[1];
}

/** The name of the file inside a `.gz`. */
export function stripGz(name: string): string {
  return name.replace(/\.gz$/i, '');
}

/** The kind the first bytes prove, or undefined when they do not settle it. */
export function kindFromContent(head: Uint8Array): FileKind | undefined {
  if (PAR1.every((byte, i) => head[i] === byte)) return 'parquet';
  const text = decodeHead(head);
  const first = firstChar(text);
  if (first === '[') return 'json';
  if (first === '{') return braceKind(text);
  return undefined;
}

/**
 * `{ ...`: JSONL when the first line is a whole object and more follows; one document when the
 * first line is a lone `{` (pretty-printed) or the whole text. Undecided when the first line does
 * not end within the head, or does not parse (a JSONL with a bad first line, or odd formatting).
 */
function braceKind(text: string): FileKind | undefined {
  const start = text.indexOf('{');
  const nl = text.indexOf('\n', start);
  if (nl === -1) return undefined;
  const firstLine = text.slice(start, nl).trim();
  if (firstLine === '{') return 'json';
  if (!isJsonObject(firstLine)) return undefined;
  return /\S/.test(text.slice(nl + 1)) ? 'jsonl' : 'json';
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function decodeHead(head: Uint8Array): string {
  // Not fatal: the head may end inside a multi-byte character.
  return new TextDecoder().decode(head);
}

function firstChar(text: string): string | undefined {
  return /\S/.exec(text)?.[0];
}

/** What the file looks like instead, so the message says why it was refused. */
function describeHead(head: Uint8Array): string {
  if (head.length === 0) return 'the file is empty';
  const text = decodeHead(head.subarray(0, 200));
  if (text.startsWith('version https://git-lfs')) return 'it is a Git LFS pointer, not the file itself';
  if (/^\s*</.test(text)) return 'it looks like an HTML or XML page';
  const shown = text.slice(0, 24).replace(/[^\x20-\x7e]/g, '.');
  return `it starts with "${shown}"`;
}
