import { DEFAULT_CONFIG, DEFAULT_SPLIT, type CardConfig, type DatasetCard } from './datasetCard';
import { globMatcher } from './glob';

export type DataFileKind = 'parquet' | 'jsonl' | 'json';

/** A file of the repository as listed by the Hub. */
export interface RepoFileEntry {
  path: string;
  size: number;
}

export interface DataFile extends RepoFileEntry {
  kind: DataFileKind;
  /** gzip-compressed (`.jsonl.gz`, `.json.gz`). */
  gz: boolean;
}

export interface LayoutSplit {
  name: string;
  /** Sorted by path, so shard order is stable. */
  files: DataFile[];
  /** From the card's dataset_info, when it states it. */
  numExamples?: number;
}

export interface LayoutConfig {
  name: string;
  /** The config HF loads when none is named: exactly one config of a layout has it. */
  default: boolean;
  splits: LayoutSplit[];
}

/** Where the configs came from: the card's `configs`, the file layout, or the refs/convert/parquet branch. */
export type LayoutSource = 'card' | 'layout' | 'convert-parquet';

export interface DatasetLayout {
  source: LayoutSource;
  configs: LayoutConfig[];
  /** Files that are in no split (not readable data, or not matched), metadata files aside. */
  ignored: string[];
  warnings: string[];
}

/** The readable kinds, by name: parquet, JSON Lines, JSON, the text ones optionally gzipped. */
export function dataFileKind(path: string): { kind: DataFileKind; gz: boolean } | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.parquet')) return { kind: 'parquet', gz: false };
  const gz = name.endsWith('.gz');
  const inner = gz ? name.slice(0, -3) : name;
  if (inner.endsWith('.jsonl')) return { kind: 'jsonl', gz };
  if (inner.endsWith('.json')) return { kind: 'json', gz };
  return undefined;
}

/**
 * Configs × splits × files of a repository revision: from the card's `configs` when it has
 * them and they match files, else from the conventional layouts HF recognizes.
 */
export function datasetLayout(files: RepoFileEntry[], card?: DatasetCard): DatasetLayout {
  const warnings = [...(card?.warnings ?? [])];
  if (card && card.configs.length > 0) {
    const configs = card.configs.flatMap((c) => cardConfig(c, files, warnings));
    if (configs.length > 0) return finish('card', withSizes(configs, card), files, warnings);
    warnings.push('README.md: no config of the card matches a readable data file; reading the file layout instead');
  }
  const configs = conventionalConfigs(files.filter(isCandidate));
  return finish('layout', card ? withSizes(configs, card) : configs, files, warnings);
}

/**
 * The layouts of the Hub's parquet conversion (branch refs/convert/parquet):
 * `<config>/<split>/NNNN.parquet` (`partial-<split>` when only the start was converted), and
 * the older `<config>/<dataset>-<split>[-NNNNN-of-NNNNN].parquet`.
 */
export function convertParquetLayout(files: RepoFileEntry[]): DatasetLayout {
  const warnings: string[] = [];
  const groups = new Groups();
  for (const file of files) {
    const kind = dataFileKind(file.path);
    if (kind?.kind !== 'parquet') continue;
    const place = convertedPlace(file.path);
    if (place) groups.add(place.config, place.split, file);
  }
  for (const config of groups.configs()) {
    for (const split of groups.splits(config)) {
      if (!split.startsWith('partial-')) continue;
      warnings.push(`refs/convert/parquet: config "${config}" split "${split.slice('partial-'.length)}" was only partly converted (split "${split}" holds the first rows only)`);
    }
  }
  return finish('convert-parquet', groups.toConfigs(), files, warnings);
}

function convertedPlace(path: string): { config: string; split: string } | undefined {
  const parts = path.split('/');
  const [config, second] = parts;
  if (!config || !second) return undefined;
  if (parts.length === 3) return { config, split: second };
  if (parts.length !== 2) return undefined;
  const stem = second.replace(/\.parquet$/i, '').replace(/-\d{5}-of-\d{5}$/, '');
  const dash = stem.lastIndexOf('-');
  return { config, split: dash === -1 ? DEFAULT_SPLIT : stem.slice(dash + 1) };
}

function cardConfig(config: CardConfig, files: RepoFileEntry[], warnings: string[]): LayoutConfig[] {
  const base = config.dataDir ? `${config.dataDir}/` : '';
  const inBase = files.filter((f) => f.path.startsWith(base));
  const splits = config.dataFiles.length > 0
    ? config.dataFiles.map(({ split, patterns }) => ({ name: split, files: matching(patterns.map((p) => base + stripDot(p)), inBase) }))
    : (conventionalConfigs(inBase.filter(isCandidate).map((f) => ({ ...f, path: f.path.slice(base.length) })))[0]?.splits ?? [])
      .map((s) => ({ ...s, files: s.files.map((f) => ({ ...f, path: base + f.path })) }));
  for (const split of splits) {
    if (split.files.length === 0) warnings.push(`README.md: config "${config.name}" split "${split.name}": its data_files match no readable data file`);
  }
  const nonEmpty = splits.filter((s) => s.files.length > 0);
  return nonEmpty.length > 0 ? [{ name: config.name, default: config.default, splits: nonEmpty }] : [];
}

function matching(patterns: string[], files: RepoFileEntry[]): DataFile[] {
  const matchers = patterns.map(globMatcher);
  return files
    .filter((f) => matchers.some((matches) => matches(f.path)))
    .flatMap((f) => {
      const kind = dataFileKind(f.path);
      return kind && !isMetadata(f.path) ? [{ ...f, ...kind }] : [];
    })
    .sort(byPath);
}

function stripDot(pattern: string): string {
  return pattern.replace(/^\.\//, '');
}

// ---- conventional layouts ---------------------------------------------------------------

const SPLIT_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['train', ['train', 'training']],
  ['validation', ['validation', 'valid', 'dev', 'val']],
  ['test', ['test', 'testing', 'eval', 'evaluation']],
];
/** HF's separators around a split keyword in a name (`train-00000`, `my_test.jsonl`, `dev 2`). */
const SEP = '[-._ 0-9]';
const SHARDED = /^data\/(\w+(?:\.\w+)*)-\d{5}-of-\d{5}[^/]*\.[^/]+$/;

/**
 * In order, the first that applies: `data/<config>/<split>/<file>`; HF's sharded names
 * `data/<split>-NNNNN-of-NNNNN.*`; a folder named by a split keyword; a file named by one;
 * everything in `train`.
 */
function conventionalConfigs(files: DataFile[]): LayoutConfig[] {
  if (files.length === 0) return [];
  const groups = new Groups();
  if (files.every((f) => /^data\/[^/]+\/[^/]+\/[^/]+$/.test(f.path))) {
    for (const f of files) {
      const [, config = '', split = ''] = f.path.split('/');
      groups.add(config, split, f);
    }
    return groups.toConfigs();
  }
  const sharded = files.filter((f) => SHARDED.test(f.path));
  if (sharded.length > 0) {
    for (const f of sharded) groups.add(DEFAULT_CONFIG, SHARDED.exec(f.path)?.[1] ?? DEFAULT_SPLIT, f);
    return groups.toConfigs(splitOrder);
  }
  const byKeyword = keywordSplits(files, 'folder') ?? keywordSplits(files, 'file');
  if (byKeyword) return [{ name: DEFAULT_CONFIG, default: true, splits: byKeyword }];
  return [{ name: DEFAULT_CONFIG, default: true, splits: [{ name: DEFAULT_SPLIT, files: [...files].sort(byPath) }] }];
}

/** HF's keyword patterns: a folder named like `train`, `train_2`, `my-test` (any depth), or a file named like `train.jsonl`, `data-test-01.json`. */
function keywordSplits(files: DataFile[], where: 'folder' | 'file'): LayoutSplit[] | undefined {
  const splits = SPLIT_KEYWORDS.map(([name, keywords]) => {
    const keyword = `(?:${keywords.join('|')})`;
    const pattern = where === 'folder'
      ? new RegExp(`^(?:.*${SEP})?${keyword}(?:${SEP}.*)?$`)
      : new RegExp(`^(?:.*${SEP})?${keyword}${SEP}.*$`);
    const named = (path: string) => {
      const parts = path.split('/');
      return where === 'folder' ? parts.slice(0, -1).some((dir) => pattern.test(dir)) : pattern.test(parts[parts.length - 1] ?? '');
    };
    return { name, files: files.filter((f) => named(f.path)).sort(byPath) };
  }).filter((s) => s.files.length > 0);
  return splits.length > 0 ? splits : undefined;
}

function splitOrder(a: string, b: string): number {
  const rank = (s: string) => {
    const i = SPLIT_KEYWORDS.findIndex(([name]) => name === s);
    return i === -1 ? SPLIT_KEYWORDS.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

// ---- shared -----------------------------------------------------------------------------

/** Not data even when the extension says so: the repo's own metadata files, as HF skips them. */
const METADATA_FILES = new Set(['README.md', 'config.json', 'dataset_info.json', 'dataset_infos.json', 'dataset_dict.json', '.gitattributes']);

function isMetadata(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return METADATA_FILES.has(name) || path.split('/').some((s) => s.startsWith('.') || s.startsWith('__'));
}

function isCandidate(file: RepoFileEntry): file is DataFile {
  return !isMetadata(file.path) && dataFileKind(file.path) !== undefined;
}

/** Config → split → files, keeping first-seen order. */
class Groups {
  private readonly map = new Map<string, Map<string, DataFile[]>>();

  add(config: string, split: string, file: RepoFileEntry): void {
    const kind = dataFileKind(file.path);
    if (!kind) return;
    let splits = this.map.get(config);
    if (!splits) this.map.set(config, (splits = new Map()));
    splits.set(split, [...(splits.get(split) ?? []), { path: file.path, size: file.size, ...kind }]);
  }

  configs(): string[] {
    return [...this.map.keys()];
  }

  splits(config: string): string[] {
    return [...(this.map.get(config)?.keys() ?? [])];
  }

  toConfigs(order?: (a: string, b: string) => number): LayoutConfig[] {
    return [...this.map.entries()].map(([name, splits]) => ({
      name,
      default: false,
      splits: [...splits.entries()]
        .map(([split, files]) => ({ name: split, files: files.sort(byPath) }))
        .sort((a, b) => order?.(a.name, b.name) ?? 0),
    }));
  }
}

function withSizes(configs: LayoutConfig[], card: DatasetCard): LayoutConfig[] {
  return configs.map((c) => ({
    ...c,
    splits: c.splits.map((s) => {
      const size = card.splitSizes.find((z) => z.config === c.name && z.split === s.name);
      return size ? { ...s, numExamples: size.numExamples } : s;
    }),
  }));
}

/** Marks the default config (the card's, else one named `default`, else the first) and lists what was left out. */
function finish(source: LayoutSource, configs: LayoutConfig[], files: RepoFileEntry[], warnings: string[]): DatasetLayout {
  const chosen = configs.find((c) => c.default) ?? configs.find((c) => c.name === DEFAULT_CONFIG) ?? configs[0];
  const marked = configs.map((c) => ({ ...c, default: c === chosen }));
  const used = new Set(marked.flatMap((c) => c.splits.flatMap((s) => s.files.map((f) => f.path))));
  const ignored = files.map((f) => f.path).filter((p) => !used.has(p) && !isMetadata(p)).sort();
  const unreadable = ignored.filter((p) => !dataFileKind(p) && !DOCUMENTATION.test(p));
  if (unreadable.length > 0) {
    const shown = unreadable.slice(0, 5).join(', ') + (unreadable.length > 5 ? ` and ${unreadable.length - 5} more` : '');
    warnings.push(`${unreadable.length} file${unreadable.length === 1 ? ' is' : 's are'} not .parquet, .jsonl or .json (optionally .gz) and will not be read: ${shown}`);
  }
  return { source, configs: marked, ignored, warnings };
}

/** Files a dataset repo holds besides data, not worth a warning when skipped. */
const DOCUMENTATION = /\.(md|txt|png|jpe?g|gif|svg|webp|pdf|py|ipynb|ya?ml|toml|cfg|sh|html?)$|(^|\/)(LICENSE|NOTICE|COPYING)[^/]*$/i;

function byPath(a: RepoFileEntry, b: RepoFileEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
