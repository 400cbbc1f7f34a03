/**
 * A loopback stand-in for huggingface.co's dataset endpoints, serving a folder of repositories
 * (see repoStore.ts for the layout; `npm run fixtures` writes one to fixtures/generated/). It
 * speaks what @huggingface/hub and the app's workers use:
 *   GET      /api/datasets/<owner>/<name>[/revision/<rev>]      info (sha, gated, private, cardData, siblings)
 *   GET      /api/datasets/<owner>/<name>/tree/<rev>[/<path>]   paginated listing (recursive, expand, cursor, limit)
 *   GET|HEAD /datasets/<owner>/<name>/resolve/<rev>/<path>      file bytes, one Range, ETag, X-Repo-Commit
 *   OPTIONS  *                                                 CORS preflight
 * with the Hub's error shapes and codes, gated and private repositories, and injectable faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAccess } from './access';
import { sendInfo, sendTree } from './apiRoutes';
import { Bandwidth } from './bandwidth';
import { FaultState, type Faults } from './faults';
import { CORS_HEADERS, bearerToken, sendFailure, type HubFailure } from './http';
import { RepoStore, type Repo } from './repoStore';
import { serveFile } from './serveFile';
import { ServerClosedError, Timers } from './timers';

export type { Faults, PathMatch } from './faults';

export interface FakeHubOptions {
  /** Folder of `<owner>/<name>/` repositories. */
  root: string;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Tree entries per page (the Hub's is 1000); tests use a small one to exercise pagination. */
  pageSize?: number;
  /**
   * Tokens of known users. A request with any other token is refused (401 "Invalid credentials"),
   * unless the token is granted by the repository's own .gated / .private file.
   */
  tokens?: string[];
  faults?: Faults;
  /** Request log entries kept (oldest dropped first); default 10,000. */
  maxLog?: number;
  /** Called as each request finishes. */
  onRequest?: (entry: RequestLog) => void;
}

/** One request as the server saw it. The token itself is never recorded. */
export interface RequestLog {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
  range?: string;
  /** Whether an Authorization header came with it. */
  authorized: boolean;
  /** Body bytes sent. */
  bytes: number;
  /** A fault that took this request. */
  fault?: 'status' | 'cut';
}

export interface FakeHub {
  /** `http://127.0.0.1:PORT`, to pass as `hubUrl` / `endpoint`. */
  url: string;
  /** Every request so far (bounded by `maxLog`); tests may clear it with `requests.length = 0`. */
  requests: RequestLog[];
  /** Replaces the faults in force; their counters start again. */
  setFaults(faults: Faults): void;
  /** Stops listening, drops open connections, cancels every pending delay, and waits for handlers to finish. */
  close(): Promise<void>;
}

export async function startFakeHub(opts: FakeHubOptions): Promise<FakeHub> {
  const hub = new HubServer(opts);
  return hub.listen(opts.port ?? 0);
}

class HubServer {
  private readonly store: RepoStore;
  private readonly timers = new Timers();
  private readonly faults: FaultState;
  private readonly bandwidth: Bandwidth;
  private readonly knownTokens: ReadonlySet<string>;
  private readonly pageSize: number;
  private readonly maxLog: number;
  private readonly onRequest: ((entry: RequestLog) => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly server = createServer((req, res) => this.track(this.handle(req, res)));
  private readonly requests: RequestLog[] = [];
  private origin = '';
  private served = 0;

  constructor(opts: FakeHubOptions) {
    this.store = new RepoStore(opts.root);
    this.faults = new FaultState(opts.faults);
    this.bandwidth = new Bandwidth(this.timers, this.faults.throttle);
    this.knownTokens = new Set(opts.tokens ?? []);
    this.pageSize = Math.max(1, opts.pageSize ?? 1000);
    this.maxLog = opts.maxLog ?? 10_000;
    this.onRequest = opts.onRequest;
  }

  async listen(port: number): Promise<FakeHub> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return {
      url: this.origin,
      requests: this.requests,
      setFaults: (faults) => {
        this.faults.set(faults);
        this.bandwidth.setRate(this.faults.throttle);
      },
      close: () => this.close(),
    };
  }

  private async close(): Promise<void> {
    this.timers.cancelAll();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await Promise.allSettled([...this.inFlight]);
    await closed;
  }

  private track(handling: Promise<void>): void {
    this.inFlight.add(handling);
    void handling.finally(() => this.inFlight.delete(handling));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry = this.log(req);
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    res.setHeader('X-Request-Id', `fake-hub-${++this.served}`);
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
      } else {
        await this.timers.sleep(this.faults.latencyMs);
        await this.respond(req, res, entry);
      }
    } catch (e) {
      if (!(e instanceof ServerClosedError) && !res.headersSent) sendFailure(res, { status: 500, message: `fake hub: ${e instanceof Error ? e.message : String(e)}` });
      else res.destroy();
    } finally {
      entry.status = res.statusCode;
      this.onRequest?.(entry);
    }
  }

  private async respond(req: IncomingMessage, res: ServerResponse, entry: RequestLog): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const segments = decodeSegments(url.pathname);
    if (!segments) return sendFailure(res, { status: 400, message: 'Malformed URL encoding' });
    const status = this.faults.takeStatus(`/${segments.join('/')}`);
    if (status) {
      entry.fault = 'status';
      return sendFailure(res, { status, message: status === 503 ? 'Service Unavailable' : 'Internal Error' });
    }
    const [area, second = '', third = '', fourth] = segments;
    if (area === 'api' && second === 'datasets') return this.api(req, res, { owner: third, name: fourth ?? '', rest: segments.slice(4), query: url.searchParams });
    if (area === 'datasets' && fourth === 'resolve') return this.resolve(req, res, { owner: second, name: third, rest: segments.slice(4), entry });
    sendFailure(res, { status: 404, message: 'Sorry, we can\'t find the page you are looking for.' });
  }

  private async api(req: IncomingMessage, res: ServerResponse, r: { owner: string; name: string; rest: string[]; query: URLSearchParams }): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendFailure(res, { status: 405, message: 'Method not allowed' });
    const repo = await this.access(req, res, r.owner, r.name, 'metadata');
    if (!repo) return;
    const [endpoint, ...rest] = r.rest;
    if (endpoint === undefined || endpoint === 'revision') {
      const revision = endpoint === undefined ? 'main' : rest.join('/');
      const snapshot = await this.store.snapshot(repo, revision);
      if (!snapshot) return sendFailure(res, revisionNotFound(revision));
      return sendInfo(res, repo, snapshot, r.query);
    }
    if (endpoint !== 'tree') return sendFailure(res, { status: 404, message: `Unknown endpoint ${endpoint}` });
    const split = await this.store.splitRevision(repo, rest);
    if ('unknown' in split) return sendFailure(res, revisionNotFound(split.unknown));
    const revisionInUrl = rest.slice(0, rest.length - split.rest.length).join('/');
    sendTree(res, { repo, snapshot: split.snapshot, revisionInUrl, dir: split.rest.join('/'), query: r.query, origin: this.origin, pageSize: this.pageSize });
  }

  private async resolve(req: IncomingMessage, res: ServerResponse, r: { owner: string; name: string; rest: string[]; entry: RequestLog }): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendFailure(res, { status: 405, message: 'Method not allowed' });
    const repo = await this.access(req, res, r.owner, r.name, 'files');
    if (!repo) return;
    const split = await this.store.splitRevision(repo, r.rest);
    if ('unknown' in split) return sendFailure(res, revisionNotFound(split.unknown));
    const path = split.rest.join('/');
    const file = split.snapshot.files.find((f) => f.path === path);
    if (!file) return sendFailure(res, { status: 404, code: 'EntryNotFound', message: 'Entry not found' });
    const cutAfter = req.method === 'GET' ? this.faults.takeCut(`/datasets/${repo.id}/resolve/${r.rest.join('/')}`) : undefined;
    if (cutAfter !== undefined) r.entry.fault = 'cut';
    await serveFile(req, res, split.snapshot, file, {
      bandwidth: this.bandwidth,
      ignoreRange: this.faults.ignoreRange,
      ...(cutAfter === undefined ? {} : { cutAfter }),
      onBytes: (n) => (r.entry.bytes += n),
    });
  }

  /** The repository when this request may see it (at `scope`); otherwise the refusal is sent. */
  private async access(req: IncomingMessage, res: ServerResponse, owner: string, name: string, scope: 'metadata' | 'files'): Promise<Repo | undefined> {
    const repo = await this.store.repo(owner, name);
    const refusal: HubFailure | undefined = checkAccess(repo, bearerToken(req), this.knownTokens, scope);
    if (refusal) sendFailure(res, refusal);
    return refusal ? undefined : repo;
  }

  private log(req: IncomingMessage): RequestLog {
    const entry: RequestLog = { method: req.method ?? 'GET', url: req.url ?? '/', status: 0, authorized: req.headers.authorization !== undefined, bytes: 0 };
    if (req.headers.range) entry.range = req.headers.range;
    this.requests.push(entry);
    if (this.requests.length > this.maxLog) this.requests.splice(0, this.requests.length - this.maxLog);
    return entry;
  }
}

function revisionNotFound(revision: string): HubFailure {
  return { status: 404, code: 'RevisionNotFound', message: `Invalid rev id: ${revision}` };
}

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

