import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/core/decode/nodeSource';
import { parquetInfo } from '../../src/core/decode/parquet';
import { readRows } from '../../src/core/decode/readRows';
import { parseDatasetCard } from '../../src/core/hub/datasetCard';
import {
  DatasetNotFoundError, HubRequestError, HubUnreachableError, MalformedDatasetIdError, NoDataFilesError, RevisionNotFoundError, TokenRejectedError, TokenRequiredError,
} from '../../src/core/hub/hubErrors';
import { startFakeHub, type FakeHub } from '../../scripts/hub/fakeHub';
import { generatedFixtures } from '../../scripts/hub/generatedFixtures';
import { discoverHubDataset, type HubDatasetPlan } from './hubDataset';
import { hubFileSource, planFiles, rowCounts } from './rowCounts';

const FAST = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const TOKEN = 'hf_granted_reader_token';
const OTHER = 'hf_known_user_without_grant';
const fixtures = generatedFixtures();

const shape = (plan: HubDatasetPlan) =>
  Object.fromEntries(plan.configs.map((c) => [c.name, Object.fromEntries(c.splits.map((s) => [s.name, s.files.map((f) => f.path)]))]));

async function countRows(plan: HubDatasetPlan): Promise<number> {
  let rows = 0;
  for (const { file } of planFiles(plan)) {
    for await (const batch of readRows(await hubFileSource(file))) rows += batch.rows.length;
  }
  return rows;
}

describe('discoverHubDataset over the generated fixtures', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub({ root: fixtures, pageSize: 5 });
  });
  afterAll(() => hub.close());
  afterEach(() => {
    hub.setFaults({});
  });
  const discover = (repo: string, extra: Partial<Parameters<typeof discoverHubDataset>[0]> = {}) =>
    discoverHubDataset({ repo, endpoint: hub.url, retry: FAST, ...extra });

  it('nvidia/Open-SWE-Traces: the card\'s configs and splits, files at the resolved commit, dataset_info sizes', async () => {
    const plan = await discover('nvidia/Open-SWE-Traces');
    expect(plan).toMatchObject({ repo: 'nvidia/Open-SWE-Traces', revision: 'main', endpoint: hub.url, source: 'card', gated: false, private: false, license: 'cc-by-4.0', warnings: [], ignored: [] });
    expect(plan.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(shape(plan)).toEqual({
      openhands: { minimax_m25: ['data/openhands/minimax_m25/train-00000-of-00002.parquet', 'data/openhands/minimax_m25/train-00001-of-00002.parquet'], qwen35_122b: ['data/openhands/qwen35_122b/train-00000-of-00001.parquet'] },
      sweagent: { minimax_m25: ['data/sweagent/minimax_m25/train-00000-of-00001.parquet'], qwen35_122b: ['data/sweagent/qwen35_122b/train-00000-of-00001.parquet'] },
      minisweagent: { minimax_m25: ['data/minisweagent/minimax_m25/train-00000-of-00001.parquet'], qwen35_122b: ['data/minisweagent/qwen35_122b/train-00000-of-00001.parquet'] },
    });
    expect(plan.configs.map((c) => c.default)).toEqual([true, false, false]);
    const file = plan.configs[0]?.splits[1]?.files[0];
    expect(file).toEqual({
      path: 'data/openhands/qwen35_122b/train-00000-of-00001.parquet',
      size: readFileSync(path.join(fixtures, 'nvidia/Open-SWE-Traces/data/openhands/qwen35_122b/train-00000-of-00001.parquet')).length,
      url: `${hub.url}/datasets/nvidia/Open-SWE-Traces/resolve/${plan.commit}/data/openhands/qwen35_122b/train-00000-of-00001.parquet`,
      kind: 'parquet',
      gz: false,
    });
    expect(plan.configs[0]?.splits[0]?.numExamples).toBe(8);
  });

  it('AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl: JSONL and gzipped JSONL shards, default/train', async () => {
    const plan = await discover('AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl');
    expect(shape(plan)).toEqual({ default: { train: ['data/train-00000-of-00002.jsonl', 'data/train-00001-of-00002.jsonl.gz'] } });
    expect(plan.configs[0]?.splits[0]?.files.map((f) => [f.kind, f.gz])).toEqual([['jsonl', false], ['jsonl', true]]);
    expect(await countRows(plan)).toBe(40);
  });

  it.each([
    'nvidia/Open-SWE-Traces', 'nvidia/Open-SWE-Traces-legacy', 'AlienKevin/SWE-ZERO-1k-trajectories-32k', 'nebius/SWE-agent-trajectories',
    'nebius/SWE-rebench-openhands-trajectories', 'SWE-bench/SWE-smith-trajectories', 'SWE-Gym/OpenHands-Sampled-Trajectories', 'R2E-Gym/R2EGym-SFT-Trajectories',
    'ricdomolm/mini-coder-trajs-400k', 'agent-traces/swe-trajectories-sharegpt',
  ])('%s: row counts from the footers match the card\'s dataset_info and the rows read', async (repo) => {
    const plan = await discover(repo);
    const counts = await rowCounts(plan, { concurrency: 2, retry: FAST });
    expect(counts.every((c) => c.error === undefined && c.rows !== null)).toBe(true);
    const card = parseDatasetCard(readFileSync(path.join(fixtures, repo, 'README.md'), 'utf8'));
    for (const config of plan.configs) {
      for (const split of config.splits) {
        const rows = counts.filter((c) => c.config === config.name && c.split === split.name).reduce((n, c) => n + (c.rows ?? 0), 0);
        expect(rows, `${config.name}/${split.name}`).toBe(card.splitSizes.find((s) => s.config === config.name && s.split === split.name)?.numExamples);
      }
    }
    expect(counts.flatMap((c) => c.rowGroups ?? []).every((g) => g.rows > 0 && g.bytes > 0)).toBe(true);
    expect(counts.reduce((n, c) => n + (c.rows ?? 0), 0)).toBe(await countRows(plan));
  });

  it('rowCounts of JSON Lines files: unknown (null) without reading them', async () => {
    const plan = await discover('nebius/SWE-agent-trajectories-jsonl');
    hub.requests.length = 0;
    const counts = await rowCounts(plan);
    expect(counts.map((c) => [c.file.path, c.rows, c.rowGroups])).toEqual([
      ['data/train-00000-of-00003.jsonl', null, null], ['data/train-00001-of-00003.jsonl.gz', null, null], ['data/train-00002-of-00003.jsonl', null, null],
    ]);
    expect(hub.requests).toEqual([]);
  });

  it('retries a Hub answering 503 for a while; a Hub that keeps failing is a HubRequestError', async () => {
    hub.setFaults({ status5xx: { status: 503, count: 2, path: 'api/datasets' } });
    expect((await discover('nebius/SWE-agent-trajectories')).configs).toHaveLength(1);
    hub.setFaults({ status5xx: { status: 503, count: Infinity, path: 'api/datasets' } });
    const error = await discover('nebius/SWE-agent-trajectories').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRequestError);
    expect((error as Error).message).toBe(`${hub.url} answered HTTP 503 for dataset "nebius/SWE-agent-trajectories": Service Unavailable; try again later.`);
  });

  it('an unknown dataset, an unknown revision, a malformed id: each its own error and message', async () => {
    const missing = await discover('nvidia/No-Such-Set').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DatasetNotFoundError);
    expect((missing as Error).message).toBe(`Dataset "nvidia/No-Such-Set" was not found on ${hub.url}. Check the id; if the dataset is private, paste an access token that can read it into the Hugging Face access token field.`);
    const revision = await discover('nvidia/Open-SWE-Traces', { revision: 'v9' }).catch((e: unknown) => e);
    expect(revision).toBeInstanceOf(RevisionNotFoundError);
    expect((revision as Error).message).toBe(`Dataset "nvidia/Open-SWE-Traces" has no revision "v9" on ${hub.url}: give a branch (such as main), a tag or a commit id.`);
    hub.requests.length = 0;
    await expect(discover('foo')).rejects.toThrow(MalformedDatasetIdError);
    await expect(discover('foo')).rejects.toThrow('"foo" is not owner/name');
    expect(hub.requests).toEqual([]);
  });

  it('accepts a dataset URL and a commit id as the revision', async () => {
    const first = await discover(`${hub.url}/datasets/nvidia/Open-SWE-Traces`);
    const again = await discover('nvidia/Open-SWE-Traces', { revision: first.commit });
    expect(again.commit).toBe(first.commit);
    expect(shape(again)).toEqual(shape(first));
  });
});

describe('discoverHubDataset: gated, private, conversion-only and odd repositories', () => {
  let hub: FakeHub;
  let root: string;
  const openSwe = path.join(fixtures, 'nvidia/Open-SWE-Traces');
  const aParquet = path.join(fixtures, 'AlienKevin/SWE-ZERO-1k-trajectories-32k/data/train-00000-of-00002.parquet');
  const write = (p: string, content: string | Buffer) => {
    const abs = path.join(root, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'hub-dataset-'));
    cpSync(openSwe, path.join(root, 'corp/gated-traces'), { recursive: true });
    write('corp/gated-traces/.gated', `${TOKEN}\n`);
    write('corp/gated-nocard/.gated', `${TOKEN}\n`);
    write('corp/gated-nocard/train.jsonl', '{"a":1}\n');
    write('corp/private-runs/.private', `${TOKEN}\n`);
    write('corp/private-runs/train.jsonl', '{"messages":[]}\n');
    write('corp/csv-only/README.md', '---\nlicense: mit\n---\n# CSV\n');
    write('corp/csv-only/data/train.csv', 'a,b\n1,2\n');
    write('corp/csv-only@refs~convert~parquet/default/train/0000.parquet', readFileSync(aParquet));
    write('corp/nothing/README.md', '# Nothing\n');
    write('corp/nothing/notes.txt', 'no data\n');
    write('corp/nothing/data/table.csv', 'a\n');
    write('corp/weird/train.jsonl', '{"a":1}\n');
    write('corp/weird/eval-hard.jsonl', '{"a":2}\n{"a":3}\n');
    write('corp/weird/misc/readme.txt', 'hi');
    write('corp/weird/table.tsv', 'a\tb\n');
    write('corp/garbled/README.md', '---\nconfigs: [unclosed\n  - : :\n---\n');
    write('corp/garbled/data/train-00000-of-00001.parquet', readFileSync(aParquet));
    // 2 MB of incompressible text in 4 row groups: its footer is small, the file is not.
    let seed = 1;
    const char = () => String.fromCharCode(33 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 94));
    const text = Array.from({ length: 4000 }, () => Array.from({ length: 512 }, char).join(''));
    write('corp/big/data/train-00000-of-00001.parquet', Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'text', data: text, type: 'STRING' }], rowGroupSize: 1000, codec: 'UNCOMPRESSED' })));
    write('corp/broken/data/train-00000-of-00002.parquet', readFileSync(path.join(fixtures, 'broken/truncated.parquet')));
    write('corp/broken/data/train-00001-of-00002.parquet', readFileSync(aParquet));
    hub = await startFakeHub({ root, tokens: [OTHER], pageSize: 3 });
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });
  const discover = (repo: string, extra: Partial<Parameters<typeof discoverHubDataset>[0]> = {}) =>
    discoverHubDataset({ repo, endpoint: hub.url, retry: FAST, ...extra });
  const failure = (repo: string, extra: Partial<Parameters<typeof discoverHubDataset>[0]> = {}): Promise<Error> =>
    discover(repo, extra).then(() => { throw new Error(`${repo} was expected to fail`); }, (e: unknown) => e as Error);

  it('gated without a token: says a token is needed and where to paste it', async () => {
    const e = await failure('corp/gated-traces');
    expect(e).toBeInstanceOf(TokenRequiredError);
    expect(e.message).toBe(`Dataset "corp/gated-traces" is gated: reading it needs a Hugging Face access token. Accept its conditions at ${hub.url}/datasets/corp/gated-traces, create a read token at ${hub.url}/settings/tokens, and paste it into the Hugging Face access token field.`);
  });

  it('gated with a token the Hub knows but did not grant, an unknown token, a non-token', async () => {
    const notGranted = await failure('corp/gated-traces', { token: OTHER });
    expect(notGranted).toBeInstanceOf(TokenRejectedError);
    expect(notGranted.message).toMatch(/^The access token has no access to the gated dataset "corp\/gated-traces": accept its conditions at /);
    const unknown = await failure('corp/gated-traces', { token: 'hf_revoked_long_ago' });
    expect(unknown).toBeInstanceOf(TokenRejectedError);
    expect(unknown.message).toBe(`${hub.url} rejected the access token as invalid or expired: create a new read token at ${hub.url}/settings/tokens and paste it into the Hugging Face access token field.`);
    const pasted = await failure('corp/gated-traces', { token: 'my password' });
    expect(pasted).toBeInstanceOf(TokenRejectedError);
    expect(pasted.message).toMatch(/^The access token given is not a Hugging Face token \(those start with "hf_"\)/);
    for (const e of [notGranted, unknown, pasted]) expect(e.message).not.toMatch(/hf_known|hf_revoked|password/);
  });

  it('gated with a granted token: the plan, and the files read with the token; the token is in no URL, message or plan', async () => {
    hub.requests.length = 0;
    const plan = await discover('corp/gated-traces', { token: TOKEN });
    expect(plan.gated).toBe('manual');
    expect(Object.keys(shape(plan))).toEqual(['openhands', 'sweagent', 'minisweagent']);
    const counts = await rowCounts(plan, { token: TOKEN });
    expect(counts.every((c) => c.rows === 8 || c.rows === 4)).toBe(true);
    const without = await rowCounts(plan);
    expect(without[0]?.error).toMatch(/^data\/openhands\/minimax_m25\/train-00000-of-00002\.parquet: HTTP 401: Access to dataset corp\/gated-traces is restricted\. You must/);
    expect(JSON.stringify(plan)).not.toContain(TOKEN);
    expect(hub.requests.some((r) => r.url.includes(TOKEN))).toBe(false);
  });

  it('gated without a card: access is checked on a data file before the plan is returned', async () => {
    expect(await failure('corp/gated-nocard', { token: OTHER })).toBeInstanceOf(TokenRejectedError);
    expect(shape(await discover('corp/gated-nocard', { token: TOKEN }))).toEqual({ default: { train: ['train.jsonl'] } });
  });

  it('private: "not found" without a token (with the hint), the plan with one', async () => {
    const e = await failure('corp/private-runs');
    expect(e).toBeInstanceOf(DatasetNotFoundError);
    expect(e.message).toContain('if the dataset is private, paste an access token');
    const other = await failure('corp/private-runs', { token: OTHER });
    expect(other.message).toBe(`Dataset "corp/private-runs" was not found on ${hub.url}. Check the id; if the dataset is private, the token given has no access to it.`);
    const plan = await discover('corp/private-runs', { token: TOKEN });
    expect(plan.private).toBe(true);
    expect(shape(plan)).toEqual({ default: { train: ['train.jsonl'] } });
  });

  it('no readable data files at main: falls back on refs/convert/parquet, saying so', async () => {
    const plan = await discover('corp/csv-only');
    expect(plan.source).toBe('convert-parquet');
    expect(shape(plan)).toEqual({ default: { train: ['default/train/0000.parquet'] } });
    expect(plan.configs[0]?.splits[0]?.files[0]?.url).toBe(`${hub.url}/datasets/corp/csv-only/resolve/${plan.commit}/default/train/0000.parquet`);
    expect(plan.ignored).toEqual(['data/train.csv']);
    expect(plan.warnings).toContain('No readable data files at revision "main"; reading the Hub\'s parquet conversion (refs/convert/parquet) instead');
    expect(plan.license).toBe('mit');
    const [count] = await rowCounts(plan);
    expect(count?.rows).toBe((await parquetInfo(await nodeFileSource(aParquet))).rows);
  });

  it('refs/convert/parquet asked for by name reads its layout directly', async () => {
    const plan = await discover('corp/csv-only', { revision: 'refs/convert/parquet' });
    expect([plan.source, plan.revision, plan.warnings]).toEqual(['convert-parquet', 'refs/convert/parquet', []]);
  });

  it('no readable data anywhere: NoDataFilesError listing what is there', async () => {
    const e = await failure('corp/nothing');
    expect(e).toBeInstanceOf(NoDataFilesError);
    expect(e.message).toBe('Dataset "corp/nothing" has no readable data files (.parquet, .jsonl or .json, optionally .gz) at revision "main", nor a parquet conversion (refs/convert/parquet); its files: data/table.csv, notes.txt.');
  });

  it('split-named files without a card; unreadable ones are reported', async () => {
    const plan = await discover('corp/weird');
    expect([plan.source, shape(plan)]).toEqual(['layout', { default: { train: ['train.jsonl'], test: ['eval-hard.jsonl'] } }]);
    expect(plan.ignored).toEqual(['misc/readme.txt', 'table.tsv']);
    expect(plan.warnings).toEqual(['1 file is not .parquet, .jsonl or .json (optionally .gz) and will not be read: table.tsv']);
  });

  it('a garbled card: the layout is read, with the card\'s warning', async () => {
    const plan = await discover('corp/garbled');
    expect(shape(plan)).toEqual({ default: { train: ['data/train-00000-of-00001.parquet'] } });
    expect(plan.warnings[0]).toMatch(/^README\.md: the YAML front matter is not valid YAML/);
  });

  it('row counts read 64 KB from the end of a shard, not the whole file or hyparquet\'s 512 KB', async () => {
    const plan = await discover('corp/big');
    expect(plan.configs[0]?.splits[0]?.files[0]?.size).toBeGreaterThan(2_000_000);
    hub.requests.length = 0;
    const [count] = await rowCounts(plan);
    expect([count?.rows, count?.rowGroups?.map((g) => g.rows)]).toEqual([4000, [1000, 1000, 1000, 1000]]);
    expect(hub.requests.map((r) => [r.method, r.bytes])).toEqual([['GET', 65_536]]);
  });

  it('a broken shard: its row count is an error naming it, the other shards still count', async () => {
    const counts = await rowCounts(await discover('corp/broken'));
    expect(counts[0]?.error).toMatch(/^data\/train-00000-of-00002\.parquet: truncated/);
    expect(counts[1]?.rows).toBeGreaterThan(0);
  });

  it('an unreachable Hub', async () => {
    const closed = await startFakeHub({ root });
    const url = closed.url;
    await closed.close();
    const e = await discoverHubDataset({ repo: 'corp/weird', endpoint: url, retry: FAST }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubUnreachableError);
    expect((e as Error).message).toBe(`Cannot reach ${url} (fetch failed (ECONNREFUSED)): check the network connection and the Hub address.`);
  });
});
