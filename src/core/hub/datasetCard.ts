import { parse } from 'yaml';

/** The files of one split, as the card gives them: glob patterns relative to the config's data_dir. */
export interface CardSplitFiles {
  split: string;
  patterns: string[];
}

/** One entry of the card's `configs:` list. */
export interface CardConfig {
  name: string;
  /** In card order; empty when the card gives no data_files (the usual layout rules then apply inside dataDir). */
  dataFiles: CardSplitFiles[];
  /** Folder the patterns are relative to (`data_dir:`); undefined for the repository root. */
  dataDir?: string;
  /** `default: true` in the card. */
  default: boolean;
}

export interface CardSplitSize {
  config: string;
  split: string;
  numExamples: number;
}

/** What ingest needs from a dataset card's YAML front matter. */
export interface DatasetCard {
  configs: CardConfig[];
  /** `dataset_info` split sizes, where the card states them. */
  splitSizes: CardSplitSize[];
  license?: string;
  prettyName?: string;
  /** What could not be read; the card is then used as far as it goes. */
  warnings: string[];
}

/** The config name HF uses when a card (or a repo without one) does not name it. */
export const DEFAULT_CONFIG = 'default';
/** The split HF puts files in when nothing names one. */
export const DEFAULT_SPLIT = 'train';

type Yaml = Record<string, unknown>;

/**
 * Reads a README.md's front matter. Never throws: absent front matter gives an empty card, a
 * garbled one an empty card with a warning, so the caller can still fall back on the file layout.
 */
export function parseDatasetCard(readme: string): DatasetCard {
  const { data, warning } = cardFrontMatter(readme);
  const warnings = warning ? [warning] : [];
  if (!data) return { configs: [], splitSizes: [], warnings };
  const card: DatasetCard = {
    configs: readConfigs(data['configs'], warnings),
    splitSizes: readSplitSizes(data['dataset_info'], warnings),
    warnings,
  };
  const license = textOf(data['license']);
  const prettyName = textOf(data['pretty_name']);
  if (license) card.license = license;
  if (prettyName) card.prettyName = prettyName;
  return card;
}

/** The parsed YAML front matter as a mapping, or a warning saying why there is none. */
export function cardFrontMatter(readme: string): { data?: Yaml; warning?: string } {
  const lines = readme.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return {};
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) return { warning: 'README.md: the YAML front matter has no closing "---" line; ignoring it' };
  let data: unknown;
  try {
    data = parse(lines.slice(1, end).join('\n'), { uniqueKeys: false });
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    return { warning: `README.md: the YAML front matter is not valid YAML (${reason}); ignoring it` };
  }
  if (data === null || data === undefined) return {};
  if (!isMapping(data)) return { warning: 'README.md: the YAML front matter is not a mapping of keys to values; ignoring it' };
  return { data };
}

function readConfigs(value: unknown, warnings: string[]): CardConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warnings.push('README.md: "configs" is not a list; ignoring it');
    return [];
  }
  const configs: CardConfig[] = [];
  value.forEach((entry, i) => {
    const config = readConfig(entry, i, warnings);
    if (!config) return;
    if (configs.some((c) => c.name === config.name)) warnings.push(`README.md: config "${config.name}" is declared twice; using the first`);
    else configs.push(config);
  });
  return configs;
}

function readConfig(entry: unknown, index: number, warnings: string[]): CardConfig | undefined {
  const where = `README.md: configs[${index}]`;
  if (!isMapping(entry)) {
    warnings.push(`${where} is not a mapping; skipping it`);
    return undefined;
  }
  const name = textOf(entry['config_name']);
  if (!name) {
    warnings.push(`${where} has no config_name; skipping it`);
    return undefined;
  }
  const dataFiles = readDataFiles(entry['data_files']);
  if (dataFiles === 'invalid') {
    warnings.push(`README.md: config "${name}" has data_files in a form HF does not accept (a pattern, a list of patterns, or a list of {split, path}); skipping it`);
    return undefined;
  }
  const config: CardConfig = { name, dataFiles, default: entry['default'] === true };
  const dataDir = textOf(entry['data_dir']);
  if (dataDir) config.dataDir = dataDir.replace(/^\.\/|\/+$/g, '');
  return config;
}

/** The four forms HF accepts: a pattern, a list of patterns, a list of {split, path}, a mapping split → path(s). */
function readDataFiles(value: unknown): CardSplitFiles[] | 'invalid' {
  if (value === undefined || value === null) return [];
  const patterns = patternList(value);
  if (patterns) return [{ split: DEFAULT_SPLIT, patterns }];
  if (Array.isArray(value)) {
    const splits = value.map((item) => (isMapping(item) ? splitEntry(textOf(item['split']), item['path']) : undefined));
    return splits.every((s) => s !== undefined) ? splits : 'invalid';
  }
  if (isMapping(value)) {
    const splits = Object.entries(value).map(([split, path]) => splitEntry(split, path));
    return splits.every((s) => s !== undefined) ? splits : 'invalid';
  }
  return 'invalid';
}

function splitEntry(split: string | undefined, path: unknown): CardSplitFiles | undefined {
  const patterns = patternList(path);
  return split && patterns ? { split, patterns } : undefined;
}

function patternList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

/** `dataset_info` is one mapping (a single config) or a list of them, each with `splits`. */
function readSplitSizes(value: unknown, warnings: string[]): CardSplitSize[] {
  if (value === undefined || value === null) return [];
  const infos = Array.isArray(value) ? value : [value];
  const sizes: CardSplitSize[] = [];
  for (const info of infos) {
    if (!isMapping(info)) {
      warnings.push('README.md: a dataset_info entry is not a mapping; ignoring it');
      continue;
    }
    const config = textOf(info['config_name']) ?? DEFAULT_CONFIG;
    for (const split of splitsOf(info['splits'])) {
      const name = textOf(split['name']);
      const numExamples = split['num_examples'];
      if (name && typeof numExamples === 'number' && Number.isSafeInteger(numExamples) && numExamples >= 0) {
        sizes.push({ config, split: name, numExamples });
      }
    }
  }
  return sizes;
}

/** `splits:` is a list of {name, num_examples}; older cards map the split name to the same. */
function splitsOf(value: unknown): Yaml[] {
  if (Array.isArray(value)) return value.filter(isMapping);
  if (isMapping(value)) return Object.entries(value).filter(([, v]) => isMapping(v)).map(([name, v]) => ({ name, ...(v as Yaml) }));
  return [];
}

function isMapping(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}
