import { datasetInfo, listFiles } from '@huggingface/hub';
import { parseDatasetCard, type DatasetCard } from '../../src/core/hub/datasetCard';
import { parseDatasetRef } from '../../src/core/hub/datasetId';
import { HubUnreachableError, NoDataFilesError, RevisionNotFoundError, TokenRejectedError, TokenRequiredError } from '../../src/core/hub/hubErrors';
import { convertParquetLayout, datasetLayout, type DataFileKind, type DatasetLayout, type LayoutSource, type RepoFileEntry } from '../../src/core/hub/layout';
import { HubClient } from './hubClient';
import { serverMessage } from './httpErrors';
import { errorForRefusal, rethrowTyped, type RefusalContext } from './hubErrorMapping';
import type { RetryPolicy } from './retry';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
/** The branch where the Hub keeps its parquet conversion of every dataset it can read. */
export const CONVERT_PARQUET = 'refs/convert/parquet';
/** Front matter sits at the top; a card past this size is read only this far. */
const CARD_BYTES = 1 << 20;

export interface DiscoverOptions {
  /** `owner/name`, or anything parseDatasetRef reads (`hf://datasets/...`, a dataset page URL). */
  repo: string;
  /** Branch, tag or commit; default: the one in `repo` if it names one, else `main`. */
  revision?: string;
  /** Default https://huggingface.co; a fake hub's URL in tests. */
  endpoint?: string;
  /** A Hugging Face access token (`hf_...`), for gated and private datasets. Never logged or put in a URL. */
  token?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
}

/** One data file, with the URL that reads it at the resolved commit (so it cannot change under a re-read). */
export interface HubFileRef {
  /** Path inside the repository. */
  path: string;
  size: number;
  url: string;
  kind: DataFileKind;
  gz: boolean;
}

export interface HubSplitPlan {
  name: string;
  files: HubFileRef[];
  /** The card's dataset_info count, when it states one (not verified against the files). */
  numExamples?: number;
}

export interface HubConfigPlan {
  name: string;
  /** The config HF loads when none is named; exactly one has it. */
  default: boolean;
  splits: HubSplitPlan[];
}

export interface HubDatasetPlan {
  /** owner/name */
  repo: string;
  /** The revision asked for. */
  revision: string;
  /** Commit the file URLs point at: of `revision`, or of refs/convert/parquet when the files come from there. */
  commit: string;
  endpoint: string;
  configs: HubConfigPlan[];
  source: LayoutSource;
  /** Files in no split (unreadable formats, unmatched by the card), metadata aside. */
  ignored: string[];
  warnings: string[];
  gated: false | 'auto' | 'manual';
  private: boolean;
  license?: string;
  prettyName?: string;
}

/**
 * Finds what a Hub dataset holds: configs × splits × data files at one commit, from its card's
 * `configs`, else its file layout, else the Hub's parquet conversion. Throws a HubDatasetError
 * subclass (hubErrors.ts) with a message for the user when it cannot.
 */
export async function discoverHubDataset(opts: DiscoverOptions): Promise<HubDatasetPlan> {
  const ref = parseDatasetRef(opts.repo);
  const revision = opts.revision ?? ref.revision ?? 'main';
  const endpoint = normalizeEndpoint(opts.endpoint ?? DEFAULT_ENDPOINT);
  const token = opts.token?.trim() || undefined;
  if (token && !token.startsWith('hf_')) throw new TokenRejectedError(ref.repo, endpoint, 'malformed');
  const hub = new Hub(new HubClient({ endpoint, token, fetch: opts.fetch, retry: opts.retry, signal: opts.signal }), ref.repo, token);

  const facts = await hub.revision(revision);
  if (facts.gated && !token) throw new TokenRequiredError(ref.repo, endpoint);
  const { card, layout } = await readRevision(hub, facts.sha, revision);
  const base = { repo: ref.repo, revision, endpoint, gated: facts.gated, private: facts.private, ...cardFacts(card) };
  if (layout.configs.length === 0) return fromConversion(hub, base, layout);
  const plan = hub.plan(base, facts.sha, layout);
  const first = plan.configs[0]?.splits[0]?.files[0];
  // Without a card read, nothing has shown yet that the token may read this gated dataset's files.
  if (facts.gated && !card && first) await hub.checkAccess(first.url, revision);
  return plan;
}

type PlanBase = Omit<HubDatasetPlan, 'commit' | 'configs' | 'source' | 'ignored' | 'warnings'>;

async function readRevision(hub: Hub, sha: string, revision: string): Promise<{ card?: DatasetCard; layout: DatasetLayout }> {
  const files = await hub.files(sha, revision);
  if (revision === CONVERT_PARQUET) return { layout: convertParquetLayout(files) };
  const card = await hub.card(sha, revision, files);
  return card ? { card, layout: datasetLayout(files, card) } : { layout: datasetLayout(files) };
}

/** The plan from refs/convert/parquet, for a revision without readable data files (`unreadable` is its layout). */
async function fromConversion(hub: Hub, base: PlanBase, unreadable: DatasetLayout): Promise<HubDatasetPlan> {
  const converted = await hub.revision(CONVERT_PARQUET, true);
  const layout = converted && convertParquetLayout(await hub.files(converted.sha, CONVERT_PARQUET));
  if (!converted || !layout || layout.configs.length === 0) throw new NoDataFilesError(base.repo, base.revision, unreadable.ignored);
  const note = `No readable data files at revision "${base.revision}"; reading the Hub's parquet conversion (${CONVERT_PARQUET}) instead`;
  return hub.plan(base, converted.sha, { ...layout, ignored: unreadable.ignored, warnings: [...unreadable.warnings, note, ...layout.warnings] });
}

/** The Hub calls of one discovery, each failure mapped to a typed error. */
class Hub {
  constructor(
    private readonly client: HubClient,
    private readonly repo: string,
    private readonly token: string | undefined,
  ) {}

  /** The commit and access facts of a revision; with `optional`, undefined when there is no such revision. */
  async revision(revision: string, optional: true): Promise<RevisionFacts | undefined>;
  async revision(revision: string): Promise<RevisionFacts>;
  async revision(revision: string, optional = false): Promise<RevisionFacts | undefined> {
    try {
      const info = await this.call(revision, () => datasetInfo({ name: this.repo, revision, hubUrl: this.client.endpoint, fetch: this.client.fetch, additionalFields: ['sha'], ...this.credentials() }));
      return { sha: info.sha, gated: info.gated ?? false, private: info.private === true };
    } catch (e) {
      if (optional && e instanceof RevisionNotFoundError) return undefined;
      throw e;
    }
  }

  async files(sha: string, revision: string): Promise<RepoFileEntry[]> {
    return this.call(revision, async () => {
      const out: RepoFileEntry[] = [];
      const entries = listFiles({ repo: { type: 'dataset', name: this.repo }, revision: sha, recursive: true, hubUrl: this.client.endpoint, fetch: this.client.fetch, ...this.credentials() });
      for await (const entry of entries) if (entry.type === 'file') out.push({ path: entry.path, size: entry.size });
      return out;
    });
  }

  /** The card's front matter; reading it also proves the token may read the files of a gated dataset. */
  async card(sha: string, revision: string, files: RepoFileEntry[]): Promise<DatasetCard | undefined> {
    const readme = files.find((f) => f.path === 'README.md');
    if (!readme) return undefined;
    const res = await this.client.get(this.url(sha, readme.path), readme.size > CARD_BYTES ? `bytes=0-${CARD_BYTES - 1}` : undefined);
    if (!res.ok) throw await this.refusal(res, revision);
    return parseDatasetCard(await res.text());
  }

  /** One byte of a file, to turn a refusal into the typed error now rather than per file later. */
  async checkAccess(url: string, revision: string): Promise<void> {
    const res = await this.client.get(url, 'bytes=0-0');
    if (!res.ok) throw await this.refusal(res, revision);
    await res.body?.cancel().catch(() => undefined);
  }

  plan(base: PlanBase, commit: string, layout: DatasetLayout): HubDatasetPlan {
    const configs = layout.configs.map((c) => ({
      name: c.name,
      default: c.default,
      splits: c.splits.map((s) => ({
        name: s.name,
        files: s.files.map((f) => ({ path: f.path, size: f.size, url: this.url(commit, f.path), kind: f.kind, gz: f.gz })),
        ...(s.numExamples === undefined ? {} : { numExamples: s.numExamples }),
      })),
    }));
    return { ...base, commit, configs, source: layout.source, ignored: layout.ignored, warnings: layout.warnings };
  }

  private async refusal(res: Response, revision: string): Promise<Error> {
    return errorForRefusal({ status: res.status, code: res.headers.get('X-Error-Code') ?? undefined, message: await serverMessage(res) }, this.context(revision));
  }

  private url(commit: string, path: string): string {
    return `${this.client.endpoint}/datasets/${this.repo}/resolve/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  private async call<T>(revision: string, step: () => Promise<T>): Promise<T> {
    this.client.lastRefusal = undefined;
    try {
      return await step();
    } catch (e) {
      if (e instanceof HubUnreachableError) throw e;
      rethrowTyped(e, this.client.lastRefusal, this.context(revision));
    }
  }

  private context(revision: string): RefusalContext {
    return { repo: this.repo, revision, endpoint: this.client.endpoint, hasToken: this.token !== undefined };
  }

  private credentials(): { accessToken: string } | Record<string, never> {
    return this.token ? { accessToken: this.token } : {};
  }
}

interface RevisionFacts {
  sha: string;
  gated: false | 'auto' | 'manual';
  private: boolean;
}

function cardFacts(card: DatasetCard | undefined): { license?: string; prettyName?: string } {
  const facts: { license?: string; prettyName?: string } = {};
  if (card?.license) facts.license = card.license;
  if (card?.prettyName) facts.prettyName = card.prettyName;
  return facts;
}

function normalizeEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new HubUnreachableError(endpoint, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HubUnreachableError(endpoint, 'not an http(s) URL');
  return endpoint.replace(/\/+$/, '');
}
