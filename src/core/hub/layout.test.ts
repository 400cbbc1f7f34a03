import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFixtures, listRepo } from '../../../scripts/hub/generatedFixtures';
import { parseDatasetCard } from './datasetCard';
import { convertParquetLayout, dataFileKind, datasetLayout, type DatasetLayout, type RepoFileEntry } from './layout';

const files = (...paths: string[]): RepoFileEntry[] => paths.map((p, i) => ({ path: p, size: 100 + i }));
const shards = (prefix: string, n: number, ext = 'parquet') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.${ext}`);
/** config → split → file paths, the part of a layout most tests look at. */
const shape = (layout: DatasetLayout) =>
  Object.fromEntries(layout.configs.map((c) => [c.name, Object.fromEntries(c.splits.map((s) => [s.name, s.files.map((f) => f.path)]))]));
const defaultOf = (layout: DatasetLayout) => layout.configs.filter((c) => c.default).map((c) => c.name);

const OPEN_SWE_CARD = `---
license: cc-by-4.0
configs:
- config_name: openhands
  data_files:
  - split: minimax_m25
    path: data/openhands/minimax_m25/*
  - split: qwen35_122b
    path: data/openhands/qwen35_122b/*
  default: true
- config_name: sweagent
  data_files:
  - split: qwen35_122b
    path: data/sweagent/qwen35_122b/*
---
`;

describe('dataFileKind', () => {
  it('knows parquet, JSON Lines and JSON, the text ones gzipped, and nothing else', () => {
    expect(dataFileKind('a/b.parquet')).toEqual({ kind: 'parquet', gz: false });
    expect(dataFileKind('x.JSONL')).toEqual({ kind: 'jsonl', gz: false });
    expect(dataFileKind('x.jsonl.gz')).toEqual({ kind: 'jsonl', gz: true });
    expect(dataFileKind('x.json')).toEqual({ kind: 'json', gz: false });
    expect(dataFileKind('x.json.gz')).toEqual({ kind: 'json', gz: true });
    for (const other of ['x.csv', 'x.parquet.gz', 'x.gz', 'x.arrow', 'README.md', 'x.jsonl.zst']) expect(dataFileKind(other)).toBeUndefined();
  });
});

describe('datasetLayout on the real datasets\' file lists', () => {
  const openSwe = files(
    '.gitattributes', 'README.md',
    ...shards('data/openhands/qwen35_122b/train', 12), ...shards('data/openhands/minimax_m25/train', 3),
    ...shards('data/sweagent/qwen35_122b/train', 4),
  );

  it('nvidia/Open-SWE-Traces with its card: configs and splits from the card, shards in order', () => {
    const layout = datasetLayout(openSwe, parseDatasetCard(OPEN_SWE_CARD));
    expect(layout.source).toBe('card');
    expect(shape(layout)).toEqual({
      openhands: { minimax_m25: shards('data/openhands/minimax_m25/train', 3), qwen35_122b: shards('data/openhands/qwen35_122b/train', 12) },
      sweagent: { qwen35_122b: shards('data/sweagent/qwen35_122b/train', 4) },
    });
    expect(defaultOf(layout)).toEqual(['openhands']);
    expect(layout.configs[0]?.splits[1]?.files[11]).toEqual({ path: 'data/openhands/qwen35_122b/train-00011-of-00012.parquet', size: 113, kind: 'parquet', gz: false });
    expect(layout.ignored).toEqual([]);
    expect(layout.warnings).toEqual([]);
  });

  it('nvidia/Open-SWE-Traces without a card: data/<config>/<split>/ folders', () => {
    const layout = datasetLayout(openSwe);
    expect(layout.source).toBe('layout');
    expect(Object.keys(shape(layout))).toEqual(['openhands', 'sweagent']);
    expect(Object.keys(shape(layout)['openhands'] ?? {})).toEqual(['qwen35_122b', 'minimax_m25']);
    expect(defaultOf(layout)).toEqual(['openhands']);
  });

  it('AlienKevin/SWE-ZERO-1k-trajectories-32k: data/train-00000-of-00001.parquet is config default, split train', () => {
    const layout = datasetLayout(files('.gitattributes', 'README.md', 'data/train-00000-of-00001.parquet'), parseDatasetCard('# SWE-ZERO\n'));
    expect(shape(layout)).toEqual({ default: { train: ['data/train-00000-of-00001.parquet'] } });
    expect(defaultOf(layout)).toEqual(['default']);
  });
});

describe('datasetLayout: card configs', () => {
  it('matches ** across folders, data_dir-relative patterns, and attaches dataset_info sizes', () => {
    const card = parseDatasetCard(`---
configs:
- config_name: all
  data_files: "**/*.jsonl"
- config_name: sub
  data_dir: runs
  data_files:
  - split: test
    path: "2024/**"
dataset_info:
- config_name: sub
  splits:
  - name: test
    num_examples: 12
---`);
    const layout = datasetLayout(files('a.jsonl', 'runs/2024/x/y.jsonl', 'runs/2024/z.json.gz', 'runs/2023/old.jsonl', 'notes.csv'), card);
    expect(shape(layout)).toEqual({
      all: { train: ['a.jsonl', 'runs/2023/old.jsonl', 'runs/2024/x/y.jsonl'] },
      sub: { test: ['runs/2024/x/y.jsonl', 'runs/2024/z.json.gz'] },
    });
    expect(layout.configs[1]?.splits[0]?.numExamples).toBe(12);
    expect(layout.configs[1]?.splits[0]?.files[1]).toMatchObject({ kind: 'json', gz: true });
    expect(layout.ignored).toEqual(['notes.csv']);
    expect(layout.warnings).toEqual(['1 file is not .parquet, .jsonl or .json (optionally .gz) and will not be read: notes.csv']);
  });

  it('a config whose patterns match only unreadable files is dropped with a warning naming it', () => {
    const card = parseDatasetCard('---\nconfigs:\n- config_name: csv\n  data_files: data/*.csv\n- config_name: ok\n  data_files: data/*.jsonl\n---');
    const layout = datasetLayout(files('data/a.csv', 'data/b.jsonl'), card);
    expect(shape(layout)).toEqual({ ok: { train: ['data/b.jsonl'] } });
    expect(defaultOf(layout)).toEqual(['ok']);
    expect(layout.warnings[0]).toBe('README.md: config "csv" split "train": its data_files match no readable data file');
  });

  it('a card matching nothing falls back on the file layout, saying so', () => {
    const card = parseDatasetCard('---\nconfigs:\n- config_name: gone\n  data_files: old/*.parquet\n---');
    const layout = datasetLayout(files('data/train-00000-of-00001.parquet'), card);
    expect(layout.source).toBe('layout');
    expect(shape(layout)).toEqual({ default: { train: ['data/train-00000-of-00001.parquet'] } });
    expect(layout.warnings).toContain('README.md: no config of the card matches a readable data file; reading the file layout instead');
  });

  it('a config with only data_dir uses the usual layout rules inside that folder', () => {
    const card = parseDatasetCard('---\nconfigs:\n- config_name: v2\n  data_dir: v2\n---');
    const layout = datasetLayout(files('v1/train.jsonl', 'v2/train.jsonl', 'v2/test.jsonl'), card);
    expect(shape(layout)).toEqual({ v2: { train: ['v2/train.jsonl'], test: ['v2/test.jsonl'] } });
  });

  it('hidden files and metadata json are never data, even when a pattern matches them', () => {
    const card = parseDatasetCard('---\nconfigs:\n- config_name: c\n  data_files: "**"\n---');
    const layout = datasetLayout(files('.hidden/x.jsonl', 'dataset_infos.json', 'data/x.jsonl', 'README.md'), card);
    expect(shape(layout)).toEqual({ c: { train: ['data/x.jsonl'] } });
  });
});

describe('datasetLayout: conventional layouts (no card configs)', () => {
  it('sharded data/<split>-NNNNN-of-NNNNN names: train, validation, test first, then the rest by name', () => {
    const layout = datasetLayout(files(...shards('data/xml', 2, 'jsonl'), ...shards('data/test', 1), ...shards('data/train.raw', 1, 'jsonl.gz'), ...shards('data/train', 2), 'data/other.parquet'));
    expect(Object.keys(shape(layout)['default'] ?? {})).toEqual(['train', 'test', 'train.raw', 'xml']);
    expect(layout.ignored).toEqual(['data/other.parquet']);
  });

  it('folders named by a split keyword, at any depth, with separators', () => {
    const layout = datasetLayout(files('train/a.parquet', 'train/b.parquet', 'x/dev-2/c.jsonl', 'x/my_test/d.json', 'misc/e.jsonl'));
    expect(shape(layout)).toEqual({ default: { train: ['train/a.parquet', 'train/b.parquet'], validation: ['x/dev-2/c.jsonl'], test: ['x/my_test/d.json'] } });
    expect(layout.ignored).toEqual(['misc/e.jsonl']);
  });

  it('root files named by a split keyword', () => {
    const layout = datasetLayout(files('train.jsonl', 'validation.jsonl.gz', 'eval-hard.json', 'trainer.jsonl'));
    expect(shape(layout)).toEqual({ default: { train: ['train.jsonl'], validation: ['validation.jsonl.gz'], test: ['eval-hard.json'] } });
    expect(layout.ignored).toEqual(['trainer.jsonl']);
  });

  it('anything else: every readable file in train', () => {
    const layout = datasetLayout(files('rollouts/b.jsonl', 'rollouts/a.parquet', 'notes.md'));
    expect(shape(layout)).toEqual({ default: { train: ['rollouts/a.parquet', 'rollouts/b.jsonl'] } });
    expect(layout.warnings).toEqual([]);
  });

  it('no readable file at all: no configs', () => {
    const layout = datasetLayout(files('README.md', 'data/a.csv', 'data/b.tsv'));
    expect(layout.configs).toEqual([]);
    expect(layout.ignored).toEqual(['data/a.csv', 'data/b.tsv']);
  });
});

describe('convertParquetLayout', () => {
  it('<config>/<split>/NNNN.parquet, with partial splits flagged', () => {
    const layout = convertParquetLayout(files('.gitattributes', 'default/train/0000.parquet', 'default/train/0001.parquet', 'default/partial-test/0000.parquet', 'other/validation/0000.parquet'));
    expect(layout.source).toBe('convert-parquet');
    expect(shape(layout)).toEqual({
      default: { train: ['default/train/0000.parquet', 'default/train/0001.parquet'], 'partial-test': ['default/partial-test/0000.parquet'] },
      other: { validation: ['other/validation/0000.parquet'] },
    });
    expect(defaultOf(layout)).toEqual(['default']);
    expect(layout.warnings).toEqual(['refs/convert/parquet: config "default" split "test" was only partly converted (split "partial-test" holds the first rows only)']);
  });

  it('the older <config>/<dataset>-<split>[-NNNNN-of-NNNNN].parquet names', () => {
    const layout = convertParquetLayout(files('plain_text/squad-v2-train-00000-of-00002.parquet', 'plain_text/squad-v2-train-00001-of-00002.parquet', 'plain_text/squad-v2-validation.parquet'));
    expect(shape(layout)).toEqual({
      plain_text: { train: ['plain_text/squad-v2-train-00000-of-00002.parquet', 'plain_text/squad-v2-train-00001-of-00002.parquet'], validation: ['plain_text/squad-v2-validation.parquet'] },
    });
  });
});

describe('datasetLayout on the generated fixture repositories', () => {
  const root = generatedFixtures();
  const repos = readdirSync(root, { withFileTypes: true })
    .filter((o) => o.isDirectory())
    .flatMap((o) => readdirSync(path.join(root, o.name), { withFileTypes: true }).filter((n) => n.isDirectory()).map((n) => `${o.name}/${n.name}`))
    .filter((id) => listRepo(path.join(root, id)).some((f) => f.path === 'README.md'));

  it('finds the fixture datasets', () => {
    expect(repos).toContain('nvidia/Open-SWE-Traces');
    expect(repos.length).toBeGreaterThanOrEqual(16);
  });

  it.each(repos)('%s: every config and split of the card, every data file in exactly one split, sizes from dataset_info', (id) => {
    const dir = path.join(root, id);
    const list = listRepo(dir);
    const card = parseDatasetCard(readFileSync(path.join(dir, 'README.md'), 'utf8'));
    const layout = datasetLayout(list, card);
    expect(layout.source).toBe('card');
    expect(layout.warnings).toEqual([]);
    expect(layout.configs.map((c) => c.name)).toEqual(card.configs.map((c) => c.name));
    for (const config of layout.configs) {
      const declared = card.configs.find((c) => c.name === config.name);
      expect(config.splits.map((s) => s.name)).toEqual(declared?.dataFiles.map((d) => d.split));
      for (const split of config.splits) {
        expect(split.files.length).toBeGreaterThan(0);
        expect(split.numExamples).toBe(card.splitSizes.find((z) => z.config === config.name && z.split === split.name)?.numExamples);
      }
    }
    const placed = layout.configs.flatMap((c) => c.splits.flatMap((s) => s.files.map((f) => f.path))).sort();
    expect(placed).toEqual(list.map((f) => f.path).filter((p) => p !== 'README.md'));
  });

  it('nvidia/Open-SWE-Traces without its card gives the same configs and splits from the folders', () => {
    const list = listRepo(path.join(root, 'nvidia/Open-SWE-Traces'));
    const byCard = shape(datasetLayout(list, parseDatasetCard(readFileSync(path.join(root, 'nvidia/Open-SWE-Traces/README.md'), 'utf8'))));
    const byFolders = shape(datasetLayout(list));
    expect(Object.keys(byFolders).sort()).toEqual(Object.keys(byCard).sort());
    for (const [config, splits] of Object.entries(byCard)) expect(byFolders[config]).toEqual(splits);
  });
});
