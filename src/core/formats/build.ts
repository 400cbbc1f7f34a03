import { repoFromInstanceId, rowId } from '../identity';
import { unifyOutcome, type UnifiedOutcome } from '../outcome';
import { recoverPatchFromThread } from '../patchRecovery';
import type { Message, PatchSource, RawRow, RowContext, Trajectory } from '../types';
import { at, isObj, nonEmptyStr, structOrJson } from '../values';

export interface Parts {
  format: string;
  messages: Message[];
  warnings: string[];
  /** Columns the adapter read that must not be repeated in `extra`. */
  consumed: string[];
  /** Harness when the data does not say (the config name wins when there is one). */
  agent?: string;
  outcome?: UnifiedOutcome;
  patch?: { text: string; source: PatchSource };
}

/** Model-patch locations, most specific first; `metadata` means a field nested in a column. */
const PATCH_PATHS: [string, PatchSource][] = [
  ['model_patch.patch', 'column'],
  ['model_patch', 'column'],
  ['generated_patch', 'column'],
  ['patch', 'column'],
  ['git_patch', 'column'],
  ['metadata.model_patch.patch', 'metadata'],
  ['metadata.model_patch', 'metadata'],
  ['test_result.git_patch', 'metadata'],
  ['info.submission', 'metadata'],
];

const REFERENCE_PATHS = ['metadata.reference_patch.patch', 'metadata.reference_patch', 'reference_patch', 'gold_patch'];

/** Columns mapped onto canonical fields; everything else goes to `extra` untouched. */
const CANONICAL_COLUMNS = ['instance_id', 'repo', 'language', 'model', 'model_name', 'exit_status', 'resolved', 'verified', 'target'];

export function buildTrajectory(row: RawRow, ctx: RowContext, parts: Parts): Trajectory {
  const instanceId = nonEmptyStr(row.instance_id) ?? nonEmptyStr(at(row, 'metadata.instance_id'));
  const patch = parts.patch ?? findPatch(row) ?? threadPatch(parts.messages);
  const referencePatch = firstString(row, REFERENCE_PATHS);
  const outcome = parts.outcome ?? unifyOutcome(row);
  const t: Trajectory = {
    id: rowId(ctx),
    outcome: outcome.outcome,
    messages: parts.messages,
    extra: extraColumns(row, parts.consumed),
    format: parts.format,
    warnings: [...new Set(parts.warnings)],
  };
  assign(t, 'instanceId', instanceId);
  assign(t, 'repo', nonEmptyStr(row.repo) ?? nonEmptyStr(at(row, 'metadata.repo')) ?? repoFromInstanceId(instanceId));
  assign(t, 'language', nonEmptyStr(row.language) ?? nonEmptyStr(at(row, 'metadata.language')));
  assign(t, 'agent', meaningful(ctx.config) ?? parts.agent);
  assign(t, 'model', nonEmptyStr(row.model) ?? nonEmptyStr(row.model_name) ?? nonEmptyStr(at(row, 'metadata.model')) ?? nonEmptyStr(at(row, 'metadata.llm_config.model')) ?? meaningful(ctx.split));
  assign(t, 'outcomeLabel', outcome.label);
  assign(t, 'exitStatus', nonEmptyStr(row.exit_status) ?? nonEmptyStr(at(row, 'info.exit_status')) ?? nonEmptyStr(at(row, 'metadata.exit_status')));
  assign(t, 'category', nonEmptyStr(row.category) ?? nonEmptyStr(at(row, 'metadata.category')));
  if (patch) {
    t.patch = patch.text;
    t.patchSource = patch.source;
  }
  assign(t, 'referencePatch', referencePatch);
  return t;
}

function assign<K extends keyof Trajectory>(t: Trajectory, key: K, value: Trajectory[K] | undefined): void {
  if (value !== undefined) t[key] = value;
}

function findPatch(row: RawRow): { text: string; source: PatchSource } | undefined {
  for (const [path, source] of PATCH_PATHS) {
    const text = nonEmptyStr(at(row, path));
    if (text !== undefined) return { text, source };
  }
  return undefined;
}

function threadPatch(messages: Message[]): { text: string; source: PatchSource } | undefined {
  const text = recoverPatchFromThread(messages);
  return text === undefined ? undefined : { text, source: 'thread' };
}

function firstString(row: RawRow, paths: string[]): string | undefined {
  for (const path of paths) {
    const text = nonEmptyStr(at(row, path));
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * Every column but the ones read into canonical fields. `metadata` stays (parsed when it was a
 * JSON string) without its patches, which already live in `patch` / `referencePatch`.
 */
function extraColumns(row: RawRow, consumed: string[]): RawRow {
  const skip = new Set([...consumed, ...CANONICAL_COLUMNS, 'patch', 'model_patch', 'generated_patch', 'reference_patch']);
  const extra: RawRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (skip.has(key)) continue;
    extra[key] = key === 'metadata' ? withoutPatches(structOrJson(value)) : value;
  }
  return extra;
}

function withoutPatches(metadata: unknown): unknown {
  if (!isObj(metadata)) return metadata;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key !== 'model_patch' && key !== 'reference_patch') rest[key] = value;
  }
  return rest;
}


/** Hub names that say nothing of harness or model: the default config, the standard split names. */
const GENERIC_NAMES = new Set(['default', 'train', 'test', 'validation', 'valid', 'dev', 'eval']);

/** A config or split name when it names a harness or a model (Open-SWE-Traces: `openhands` / `qwen35_122b`). */
function meaningful(name: string | undefined): string | undefined {
  return name && !GENERIC_NAMES.has(name.toLowerCase()) ? name : undefined;
}
