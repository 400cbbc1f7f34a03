/**
 * Synthetic feature rows for the query tests and benchmark: a seeded mix of repos, languages,
 * agents, outcomes, token sizes and tools shaped like real rollout datasets (many ties, missing
 * optional values), fast to make in bulk without decoding anything.
 */
import { concatChunks, encodeFeatures, type FeatureRowInput, type FeatureTable } from '../featureColumns';
import type { Features, Outcome } from '../types';

const LANGUAGES = ['python', 'go', 'rust', 'typescript', 'java', 'c', 'cpp', 'php'];
const AGENTS = ['openhands', 'sweagent', 'minisweagent', 'swe-zero'];
const MODELS = ['qwen35_122b', 'minimax_m25', 'claude-sonnet-4', 'gpt-5', 'glm-4.6', 'Qwen3-Coder'];
const OUTCOMES: Outcome[] = ['resolved', 'unresolved', 'ungraded'];
const EXITS = ['Submitted', 'submitted (exit_cost)', 'incomplete', 'errored', 'other'];
const TOOLS = ['bash', 'str_replace_editor', 'execute_bash', 'think', 'finish', 'submit', 'bash_block'];
const COMMANDS = ['grep', 'sed', 'find', 'cat', 'python', 'ls', 'git', 'pytest'];
const EXTENSIONS = ['py', 'go', 'rs', 'ts', 'md', 'toml', ''];

/** Deterministic PRNG (mulberry32): the same seed gives the same table everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticRows(n: number, seed = 1, shards = 8): FeatureRowInput[] {
  const rand = prng(seed);
  // A stream of its own, so the features are those the same seed always gave.
  const extraRand = prng(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const maybe = <T>(p: number, value: () => T): T | undefined => (rand() < p ? value() : undefined);
  const perShard = Math.ceil(n / shards);
  return Array.from({ length: n }, (_, k) => {
    const shard = Math.floor(k / perShard);
    const row = k - shard * perShard;
    const repo = `org${Math.floor(rand() * 10)}/repo${Math.floor(rand() * 50)}`;
    const instanceId = `${repo.replace('/', '__')}-${Math.floor(rand() * 4000)}`;
    const features = syntheticFeatures(rand, pick, maybe, repo);
    return { id: `synthetic/default/train/data/train-${String(shard).padStart(5, '0')}.parquet#${row}`, row, instanceId, features, extra: syntheticExtra(extraRand, k) };
  });
}

export function syntheticTable(n: number, seed = 1, chunkRows = 1000): FeatureTable {
  const rows = syntheticRows(n, seed);
  const chunks = [];
  for (let start = 0; start < n; start += chunkRows) chunks.push(encodeFeatures(rows.slice(start, start + chunkRows)));
  return concatChunks(chunks);
}

/**
 * Raw columns as datasets carry them: a license (text, few values), a score (numbers, sometimes
 * null), a difficulty that is a number in early rows and text later, a nested metadata struct,
 * and a column only later rows have.
 */
function syntheticExtra(rand: () => number, k: number): Record<string, unknown> {
  const extra: Record<string, unknown> = {
    license: ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0'][Math.floor(rand() * 4)],
    score: rand() < 0.1 ? null : Math.round(rand() * 1000) / 10,
    difficulty: k < 150 ? Math.floor(rand() * 5) : ['easy', 'medium', 'hard'][Math.floor(rand() * 3)],
    metadata: { turns: Math.floor(rand() * 40), base_commit: Math.floor(rand() * 0xffffff).toString(16) },
  };
  if (k >= 250) extra.reviewer = `reviewer-${Math.floor(rand() * 12)}`;
  return extra;
}

function syntheticFeatures(rand: () => number, pick: <T>(l: readonly T[]) => T, maybe: <T>(p: number, v: () => T) => T | undefined, repo: string): Features {
  const nAssistant = 1 + Math.floor(rand() * rand() * 120);
  const nTool = Math.max(0, nAssistant - Math.floor(rand() * 2));
  const perMessage = 40 + Math.floor(rand() * 900);
  const byRole = { system: 300 + Math.floor(rand() * 2000), user: 100 + Math.floor(rand() * 3000), assistant: nAssistant * perMessage, tool: nTool * Math.floor(perMessage * 1.7) };
  const patchFiles = rand() < 0.2 ? 0 : 1 + Math.floor(rand() * rand() * 12);
  const patchAdd = patchFiles === 0 ? 0 : Math.floor(rand() * 300);
  const patchDel = patchFiles === 0 ? 0 : Math.floor(rand() * 120);
  const tools: Record<string, number> = {};
  for (let t = 0; t < 1 + Math.floor(rand() * 4); t++) tools[pick(TOOLS)] = 1 + Math.floor(rand() * nAssistant);
  for (let c = 0; c < Math.floor(rand() * 5); c++) tools[`bash:${pick(COMMANDS)}`] = 1 + Math.floor(rand() * 20);
  const patchExtensions: Record<string, number> = {};
  for (let f = 0; f < patchFiles; f++) {
    const ext = pick(EXTENSIONS);
    patchExtensions[ext] = (patchExtensions[ext] ?? 0) + 1;
  }
  const exact = rand() < 0.7;
  const features: Features = {
    nMessages: 2 + nAssistant + nTool,
    nSystem: 1,
    nUser: 1,
    nAssistant,
    nTool,
    tokens: byRole.system + byRole.user + byRole.assistant + byRole.tool,
    tokensExact: exact,
    tokensByRole: exact ? byRole : { system: 0, user: 0, assistant: 0, tool: 0 },
    patchFiles,
    patchAdd,
    patchDel,
    patchChurn: patchAdd + patchDel,
    patchExtensions,
    tools,
    outcome: pick(OUTCOMES),
    repo,
  };
  const optional: Partial<Features> = {
    language: maybe(0.93, () => pick(LANGUAGES)),
    agent: pick(AGENTS),
    model: pick(MODELS),
    exitStatus: maybe(0.8, () => pick(EXITS)),
    category: maybe(0.3, () => pick(['bugfix', 'feature', 'refactor'])),
    durationSec: maybe(0.4, () => Math.round(rand() * 36000) / 10),
    completionTokens: maybe(0.5, () => Math.floor(rand() * 60000)),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (features as unknown as Record<string, unknown>)[key] = value;
  return features;
}
