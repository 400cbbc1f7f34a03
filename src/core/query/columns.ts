/**
 * The columns a query can read, sort and filter: every feature of a feature table, the per-role
 * token counts, a few values derived from them, and the dataset's own raw columns (`extra:<key>`,
 * which differ per table). The table UI and the filter builder share this catalog, so a column
 * has one id and one label everywhere.
 */
import { MAX_EXTRA_TEXT, type ExtraKind } from '../extraColumns';
import { NUMERIC_FEATURES, STRING_FEATURES, type NumericFeature, type StringFeature } from '../featureColumns';
import type { Role } from '../types';

export const ROLE_TOKEN_COLUMNS = { tokensSystem: 'system', tokensUser: 'user', tokensAssistant: 'assistant', tokensTool: 'tool' } as const satisfies Record<string, Role>;
export type RoleTokenColumn = keyof typeof ROLE_TOKEN_COLUMNS;

/** Numbers: features, tokens per role, `toolCalls` (tool invocations, bash command words excluded) and `row` (row index in its file). */
export type NumberColumnId = NumericFeature | RoleTokenColumn | 'toolCalls' | 'row';
/** Dictionary-coded strings. */
export type CategoryColumnId = StringFeature;
/** Name → count maps: tool names, bash command words (`bash:grep` shown as `grep`), patch file extensions. */
export type CountsColumnId = 'tools' | 'commands' | 'patchExtensions';
/** A raw column of the dataset that no adapter read, by its key. */
export type ExtraColumnId = `extra:${string}`;
export type ColumnId = 'id' | NumberColumnId | CategoryColumnId | CountsColumnId | ExtraColumnId;

export type ColumnKind = 'text' | 'category' | 'number' | 'counts';

export interface ColumnDescriptor {
  id: ColumnId;
  kind: ColumnKind;
  label: string;
  description: string;
  /** Counts columns have no order; every other column sorts. */
  sortable: boolean;
  /** Set on the dataset's raw columns: the key as the dataset names it. */
  extraKey?: string;
}

/** The prefix the feature extractor gives bash command words in `tools`. */
export const COMMAND_PREFIX = 'bash:';

const NUMBER_LABELS: Record<NumberColumnId, [string, string]> = {
  nMessages: ['Messages', 'Messages in the trajectory'],
  nSystem: ['System msgs', 'System messages'],
  nUser: ['User msgs', 'User messages'],
  nAssistant: ['Assistant msgs', 'Assistant messages'],
  nTool: ['Tool msgs', 'Tool (observation) messages'],
  tokens: ['Tokens', 'cl100k_base tokens over all messages; ≈ marks the len/4 estimate while exact counts are pending'],
  tokensSystem: ['System tokens', 'Tokens in system messages'],
  tokensUser: ['User tokens', 'Tokens in user messages'],
  tokensAssistant: ['Assistant tokens', 'Tokens in assistant messages'],
  tokensTool: ['Tool tokens', 'Tokens in tool messages'],
  patchFiles: ['Files', 'Files the patch touches'],
  patchAdd: ['+', 'Lines the patch adds'],
  patchDel: ['−', 'Lines the patch deletes'],
  patchChurn: ['Churn', 'Lines added plus deleted'],
  durationSec: ['Duration', 'Run duration in seconds, when the dataset records it'],
  promptTokens: ['Prompt tokens', 'Prompt tokens the run reported, when the dataset records them'],
  completionTokens: ['Completion tokens', 'Completion tokens the run reported, when the dataset records them'],
  toolCalls: ['Tool calls', 'Tool invocations (bash command words not counted)'],
  row: ['Row', 'Row index within its file'],
};

const CATEGORY_LABELS: Record<CategoryColumnId, [string, string]> = {
  instanceId: ['Instance', 'Task instance id'],
  repo: ['Repo', 'Repository of the task'],
  language: ['Language', 'Programming language of the task'],
  agent: ['Agent', 'Harness or scaffold'],
  model: ['Model', 'Model that produced the rollout'],
  outcome: ['Outcome', 'resolved, unresolved or ungraded'],
  exitStatus: ['Exit status', "The agent's own exit status"],
  category: ['Category', "The dataset's task category"],
};

const COUNTS_LABELS: Record<CountsColumnId, [string, string]> = {
  tools: ['Top tools', 'Most used tools'],
  commands: ['Top commands', 'Most used bash commands'],
  patchExtensions: ['Extensions', 'File extensions the patch touches'],
};

const ROLE_COLUMN_IDS = Object.keys(ROLE_TOKEN_COLUMNS) as RoleTokenColumn[];
export const NUMBER_COLUMNS: readonly NumberColumnId[] = [...NUMERIC_FEATURES, ...ROLE_COLUMN_IDS, 'toolCalls', 'row'];
export const CATEGORY_COLUMNS: readonly CategoryColumnId[] = STRING_FEATURES;
export const COUNTS_COLUMNS: readonly CountsColumnId[] = ['tools', 'commands', 'patchExtensions'];

export const COLUMNS: readonly ColumnDescriptor[] = [
  { id: 'id', kind: 'text', label: 'ID', description: 'Stable row id: source/config/split/file#row', sortable: true },
  ...CATEGORY_COLUMNS.map((id) => describe(id, 'category', CATEGORY_LABELS[id])),
  ...NUMBER_COLUMNS.map((id) => describe(id, 'number', NUMBER_LABELS[id])),
  ...COUNTS_COLUMNS.map((id) => describe(id, 'counts', COUNTS_LABELS[id])),
];

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export function columnDescriptor(id: string): ColumnDescriptor | undefined {
  return BY_ID.get(id as ColumnId);
}

export function isNumberColumn(id: string): id is NumberColumnId {
  return BY_ID.get(id as ColumnId)?.kind === 'number';
}

export function isCategoryColumn(id: string): id is CategoryColumnId {
  return BY_ID.get(id as ColumnId)?.kind === 'category';
}

export const EXTRA_PREFIX = 'extra:';

export function extraColumnId(key: string): ExtraColumnId {
  return `${EXTRA_PREFIX}${key}`;
}

export function isExtraColumn(id: string): id is ExtraColumnId {
  return id.startsWith(EXTRA_PREFIX);
}

/** Raw numbers are number columns, anything else (text, flags, nested values as JSON) a category column. */
export function extraDescriptor(key: string, kind: ExtraKind): ColumnDescriptor {
  const description = kind === 'number' ? `The dataset's own column "${key}"` : `The dataset's own column "${key}" (nested values as JSON; text longer than ${MAX_EXTRA_TEXT} characters is cut)`;
  return { id: extraColumnId(key), kind: kind === 'number' ? 'number' : 'category', label: key, description, sortable: true, extraKey: key };
}

function describe(id: ColumnId, kind: ColumnKind, [label, description]: [string, string]): ColumnDescriptor {
  return { id, kind, label, description, sortable: kind !== 'counts' };
}
