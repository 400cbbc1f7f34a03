/** Row counts of fixture shards, read with the core in Node: the tests never hard-code them. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { nodeFileSource } from '../../src/core/decode/nodeSource';
import { readTrajectories } from '../../src/core/pipeline';
import { GENERATED_DIR } from './fixtures';

export async function rowsIn(relative: string): Promise<number> {
  let rows = 0;
  for await (const b of readTrajectories(await nodeFileSource(path.join(GENERATED_DIR, relative)), { source: 'facts', exactTokens: false })) rows += b.items.length;
  return rows;
}

/** Every data file under a folder of a fixture repo, sorted. */
export function dataFiles(relativeDir: string): string[] {
  return readdirSync(path.join(GENERATED_DIR, relativeDir))
    .filter((f) => /\.(parquet|jsonl|json)(\.gz)?$/.test(f))
    .sort()
    .map((f) => path.join(relativeDir, f));
}

export async function rowsInAll(files: string[]): Promise<number> {
  let total = 0;
  for (const f of files) total += await rowsIn(f);
  return total;
}

export interface RolloutFact {
  /** The data file, relative to its repo, and the row in it: what a stored trajectory's id ends with (`<file>#<row>`). */
  idSuffix: string;
  instanceId: string | undefined;
  patch: string | undefined;
}

/** Every row of the fixture files with its instance and model patch, in table order. */
export async function rollouts(repo: string, files: string[]): Promise<RolloutFact[]> {
  const facts: RolloutFact[] = [];
  for (const f of files) {
    for await (const b of readTrajectories(await nodeFileSource(path.join(GENERATED_DIR, f)), { source: 'facts', exactTokens: false })) {
      for (const { row, trajectory } of b.items) facts.push({ idSuffix: `${path.relative(repo, f)}#${row}`, instanceId: trajectory.instanceId, patch: trajectory.patch });
    }
  }
  return facts;
}

/** A raw (unread) column of every row of the fixture files, in table order; undefined where a row lacks it. */
export async function rawColumn(files: string[], key: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const f of files) {
    for await (const b of readTrajectories(await nodeFileSource(path.join(GENERATED_DIR, f)), { source: 'facts', exactTokens: false })) {
      for (const { trajectory } of b.items) values.push(trajectory.extra[key]);
    }
  }
  return values;
}
