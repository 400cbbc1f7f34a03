import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFixtures } from '../../../scripts/hub/generatedFixtures';
import { parseDatasetCard } from './datasetCard';

/** Written before any test runs, so the generator's time never counts against a test's timeout. */
const fixtures = generatedFixtures();
const card = (yaml: string, body = '# Title\n') => `---\n${yaml}\n---\n${body}`;

describe('parseDatasetCard', () => {
  it('reads the Open-SWE-Traces fixture card: three configs of {split, path} lists, the default, dataset_info sizes', () => {
    const readme = readFileSync(path.join(fixtures, 'nvidia/Open-SWE-Traces/README.md'), 'utf8');
    const parsed = parseDatasetCard(readme);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.license).toBe('cc-by-4.0');
    expect(parsed.configs.map((c) => [c.name, c.default])).toEqual([['openhands', true], ['sweagent', false], ['minisweagent', false]]);
    expect(parsed.configs[0]?.dataFiles).toEqual([
      { split: 'minimax_m25', patterns: ['data/openhands/minimax_m25/*'] },
      { split: 'qwen35_122b', patterns: ['data/openhands/qwen35_122b/*'] },
    ]);
    expect(parsed.splitSizes).toContainEqual({ config: 'sweagent', split: 'qwen35_122b', numExamples: 8 });
    expect(parsed.splitSizes).toHaveLength(6);
  });

  it('accepts every data_files form HF accepts', () => {
    const parsed = parseDatasetCard(card([
      'configs:',
      '- config_name: one',
      '  data_files: data/*.parquet',
      '- config_name: list',
      '  data_files: [a.jsonl, b.jsonl]',
      '- config_name: splits',
      '  data_files:',
      '  - split: train',
      '    path: [train/**, extra/train.json]',
      '  - split: test',
      '    path: test/*',
      '- config_name: mapping',
      '  data_dir: ./sub/',
      '  data_files: {train: t.jsonl, validation: [v1.jsonl, v2.jsonl]}',
      '- config_name: dironly',
      '  data_dir: other',
    ].join('\n')));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.configs).toEqual([
      { name: 'one', default: false, dataFiles: [{ split: 'train', patterns: ['data/*.parquet'] }] },
      { name: 'list', default: false, dataFiles: [{ split: 'train', patterns: ['a.jsonl', 'b.jsonl'] }] },
      { name: 'splits', default: false, dataFiles: [{ split: 'train', patterns: ['train/**', 'extra/train.json'] }, { split: 'test', patterns: ['test/*'] }] },
      { name: 'mapping', default: false, dataDir: 'sub', dataFiles: [{ split: 'train', patterns: ['t.jsonl'] }, { split: 'validation', patterns: ['v1.jsonl', 'v2.jsonl'] }] },
      { name: 'dironly', default: false, dataDir: 'other', dataFiles: [] },
    ]);
  });

  it('reads dataset_info as one mapping and as the older split mapping', () => {
    const single = parseDatasetCard(card('dataset_info:\n  features: []\n  splits:\n  - name: train\n    num_examples: 1000\n    num_bytes: 5'));
    expect(single.splitSizes).toEqual([{ config: 'default', split: 'train', numExamples: 1000 }]);
    const older = parseDatasetCard(card('dataset_info:\n  config_name: c\n  splits:\n    test: {name: test, num_examples: 7}\n    train: {num_examples: 3}'));
    expect(older.splitSizes).toEqual([{ config: 'c', split: 'test', numExamples: 7 }, { config: 'c', split: 'train', numExamples: 3 }]);
  });

  it('a README without front matter is an empty card without warnings', () => {
    expect(parseDatasetCard('# Just a title\n\nSome text.\n')).toEqual({ configs: [], splitSizes: [], warnings: [] });
    expect(parseDatasetCard('')).toEqual({ configs: [], splitSizes: [], warnings: [] });
  });

  it('garbled YAML is a warning, never a throw', () => {
    const parsed = parseDatasetCard(card('configs:\n- config_name: [unclosed\n  data_files: : :'));
    expect(parsed.configs).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/^README\.md: the YAML front matter is not valid YAML \(.+\); ignoring it$/);
  });

  it('unclosed front matter, a non-mapping, and bad entries each give a specific warning', () => {
    expect(parseDatasetCard('---\nconfigs: []\n# no end').warnings).toEqual(['README.md: the YAML front matter has no closing "---" line; ignoring it']);
    expect(parseDatasetCard(card('- just\n- a list')).warnings).toEqual(['README.md: the YAML front matter is not a mapping of keys to values; ignoring it']);
    expect(parseDatasetCard(card('configs: nope')).warnings).toEqual(['README.md: "configs" is not a list; ignoring it']);
    const parsed = parseDatasetCard(card([
      'configs:',
      '- 42',
      '- data_files: x.jsonl',
      '- config_name: bad',
      '  data_files: [{split: train}]',
      '- config_name: ok',
      '  data_files: ok.jsonl',
      '- config_name: ok',
      '  data_files: again.jsonl',
    ].join('\n')));
    expect(parsed.configs.map((c) => c.name)).toEqual(['ok']);
    expect(parsed.warnings).toEqual([
      'README.md: configs[0] is not a mapping; skipping it',
      'README.md: configs[1] has no config_name; skipping it',
      'README.md: config "bad" has data_files in a form HF does not accept (a pattern, a list of patterns, or a list of {split, path}); skipping it',
      'README.md: config "ok" is declared twice; using the first',
    ]);
  });

  it('tolerates a BOM, CRLF line ends and "..." as the closing line', () => {
    const parsed = parseDatasetCard('\uFEFF---\r\nconfigs:\r\n- config_name: c\r\n  data_files: a.jsonl\r\n...\r\nbody');
    expect(parsed.configs).toEqual([{ name: 'c', default: false, dataFiles: [{ split: 'train', patterns: ['a.jsonl'] }] }]);
  });
});
