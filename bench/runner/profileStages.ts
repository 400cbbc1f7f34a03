/**
 * Where CPU time went, by pipeline stage: self time of each sampled function, attributed to the
 * source file its bundle line came from (the unminified bench build marks each module with a
 * `// <path>` line), then to a stage.
 */

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface StageTime {
  stage: string;
  ms: number;
  share: number;
}

export interface FunctionTime {
  fn: string;
  source: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  stages: StageTime[];
  top: FunctionTime[];
}

/** Ordered: the first rule whose pattern matches a source path names its stage. */
const STAGE_RULES: Array<[RegExp, string]> = [
  [/node_modules\/gpt-tokenizer\//, 'tokenizer (gpt-tokenizer)'],
  [/^src\/core\/tokens\.ts$|^workers\/tokens\//, 'token counting glue (src/core/tokens, workers/tokens)'],
  [/node_modules\/hyparquet(-compressors)?\//, 'parquet decode (hyparquet)'],
  [/^src\/core\/decode\//, 'decode glue (src/core/decode)'],
  [/^src\/core\//, 'normalize + features (src/core)'],
  [/^workers\/store\/|node_modules\/idb\//, 'store (workers/store, idb)'],
  [/^workers\/sources\//, 'network (workers/sources)'],
  [/^workers\/ingest\//, 'ingest orchestration (workers/ingest)'],
  [/node_modules\/comlink\//, 'messaging (comlink)'],
];

const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'native, outside JS (structured clone, IndexedDB, parsing, …)',
  '(idle)': 'idle',
};

export function stageOf(source: string): string {
  for (const [pattern, stage] of STAGE_RULES) if (pattern.test(source)) return stage;
  return source === '' ? 'builtins (no source)' : `other (${source})`;
}

/** A source path as the repository knows it: node_modules/… or src/… or workers/…. */
export function repoPath(marker: string): string {
  const nm = marker.lastIndexOf('node_modules/');
  if (nm >= 0) return marker.slice(nm);
  return marker.replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
}

/** The module markers of a bundle: [0-based line, repo path], in line order. */
export function moduleMarkers(bundle: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  bundle.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.(?:m?[jt]sx?))$/.exec(line);
    if (m?.[1]) out.push([i, repoPath(m[1])]);
  });
  return out;
}

/** The module a 0-based bundle line belongs to ('' before the first marker). */
export function moduleAt(markers: Array<[number, string]>, line: number): string {
  let lo = 0;
  let hi = markers.length - 1;
  let found = '';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, path] = markers[mid] as [number, string];
    if (start <= line) {
      found = path;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Self time per stage and the top functions; `sourceOf(url, line)` names a frame's source file. */
export function summarizeProfile(profile: CpuProfile, sourceOf: (url: string, line: number) => string, topN = 12): ProfileSummary {
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0)));
  const stages = new Map<string, number>();
  const functions = new Map<string, FunctionTime>();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || node.callFrame.functionName === '(root)') continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const source = url ? sourceOf(url, lineNumber) : '';
    const stage = SPECIAL[functionName] ?? stageOf(source);
    totalUs += us;
    stages.set(stage, (stages.get(stage) ?? 0) + us);
    const key = `${functionName}\u0000${source}`;
    const fn = functions.get(key) ?? { fn: functionName || '(anonymous)', source, ms: 0 };
    fn.ms += us / 1000;
    functions.set(key, fn);
  }
  const totalMs = totalUs / 1000;
  return {
    totalMs,
    stages: [...stages].map(([stage, us]) => ({ stage, ms: us / 1000, share: totalUs ? us / totalUs : 0 })).sort((a, b) => b.ms - a.ms),
    top: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, topN),
  };
}
