/**
 * The records the thread / diff harness (e2e/harness/thread.html) shows: a row of each golden
 * input as the core reads it, a 400-message OpenHands rollout built from the golden one, the
 * hostile record, and a malformed patch. Written to fixtures/generated/harness/ (not committed:
 * the hostile record is 12 MB). Run: `npx tsx scripts/harness/threadRecords.ts`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeFeatures } from '../../src/core/features';
import type { Processed } from '../../src/core/pipeline';
import type { Message, Trajectory } from '../../src/core/types';
import { goldenInputs } from '../../tests/canonicalOutput';
import { goldenTrajectory } from '../../tests/goldenTrajectories';
import { bigPatch } from './bigPatch';
import { hostileRecord } from './hostileRecord';

export const HARNESS_DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'generated', 'harness');

export interface HarnessEntry {
  name: string;
  label: string;
}

/** Repeats the working turns of a rollout (between the task and the final turn) until it has `target` messages. */
function lengthen(t: Trajectory, target: number): Trajectory {
  const head = t.messages.slice(0, 2);
  const tail = t.messages.slice(-1);
  const middle = t.messages.slice(2, -1);
  const body: Message[] = [];
  for (let round = 0; head.length + body.length + tail.length < target; round++) {
    for (const m of middle) body.push(relabel(m, round));
  }
  return { ...t, id: `${t.id}-long`, messages: [...head, ...body.slice(0, target - head.length - tail.length), ...tail] };
}

function relabel(m: Message, round: number): Message {
  const copy: Message = { ...m };
  if (m.toolCalls) copy.toolCalls = m.toolCalls.map((c) => (c.id ? { ...c, id: `${c.id}-r${round}` } : { ...c }));
  if (m.toolCallId) copy.toolCallId = `${m.toolCallId}-r${round}`;
  return copy;
}

function malformedPatch(base: Processed): Processed {
  const trajectory: Trajectory = { ...base.trajectory, id: 'harness/malformed-patch#0', patch: 'this is not a diff\n@@ -a,b +c @@\n+added line\n-removed line\n+++\n', patchSource: 'column' };
  delete trajectory.referencePatch;
  return { row: 0, trajectory, features: computeFeatures(trajectory, { exactTokens: false }) };
}

/** Test workers write these concurrently while the dev server reads them: never expose a half-written file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export async function writeHarnessRecords(dir = HARNESS_DIR): Promise<HarnessEntry[]> {
  mkdirSync(dir, { recursive: true });
  const entries: HarnessEntry[] = [];
  const write = (name: string, label: string, record: Processed) => {
    writeAtomically(path.join(dir, `${name}.json`), JSON.stringify(record));
    entries.push({ name, label });
  };
  for (const input of goldenInputs()) {
    const record = await goldenTrajectory(input);
    write(`golden-${input.replace(/\W+/g, '-')}`, `${input} (${record.trajectory.format})`, record);
  }
  const openhands = await goldenTrajectory('open-swe-traces.openhands.parquet');
  const long = lengthen(openhands.trajectory, 400);
  write('long-openhands', '400-message OpenHands rollout', { row: 0, trajectory: long, features: computeFeatures(long) });
  write('hostile', 'Hostile record (script, onerror, javascript:, 10 MB output)', hostileRecord());
  write('malformed-patch', 'Malformed patch', malformedPatch(openhands));
  const wide: Trajectory = { ...openhands.trajectory, id: 'harness/big-patch#0', patch: bigPatch(120), patchSource: 'column' };
  write('big-patch', 'Patch of 121 files (one with 2,400 changed lines)', { row: 0, trajectory: wide, features: computeFeatures(wide, { exactTokens: false }) });
  writeAtomically(path.join(dir, 'index.json'), JSON.stringify(entries, null, 2));
  return entries;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = await writeHarnessRecords();
  console.log(`wrote ${entries.length} records to ${HARNESS_DIR}`);
}
