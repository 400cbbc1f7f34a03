import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface Attached {
  type: string;
  name: string;
  sessionId: string;
  live: boolean;
}

const KINDS = new Set(['page', 'worker', 'shared_worker']);

/**
 * The page and every worker in its browser (nested workers too), each reachable over CDP. Targets
 * come from `Target.getTargets` and are attached in the non-flattened mode, talking through
 * `Target.sendMessageToTarget`: Playwright's CDP session drops the messages of flattened child
 * sessions it did not create itself.
 */
export class TargetSessions {
  private readonly byTargetId = new Map<string, Attached>();
  private readonly bySession = new Map<string, Attached>();
  private readonly pending = new Map<number, { resolve(result: unknown): void; reject(e: Error): void; target: Attached }>();
  private nextId = 0;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const answer = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = answer.id === undefined ? undefined : this.pending.get(answer.id);
      if (!waiter || answer.id === undefined) return;
      this.pending.delete(answer.id);
      if (answer.error) waiter.reject(new Error(answer.error.message));
      else waiter.resolve(answer.result);
    });
    cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
      const target = sessionId === undefined ? undefined : this.bySession.get(sessionId);
      if (target) this.gone(target);
    });
  }

  static async open(context: BrowserContext, page: Page): Promise<TargetSessions> {
    return new TargetSessions(await context.newCDPSession(page));
  }

  /** Attaches to targets that appeared since the last call; returns them. */
  async refresh(): Promise<Attached[]> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const present = new Set(targetInfos.map((t) => t.targetId));
    for (const [id, t] of this.byTargetId) if (!present.has(id)) this.gone(t);
    const added: Attached[] = [];
    for (const info of targetInfos) {
      const known = this.byTargetId.get(info.targetId);
      // A worker's title (its name) may come after it first shows up.
      if (known && info.title) known.name = info.title;
      if (!KINDS.has(info.type) || known) continue;
      const target: Attached = { type: info.type, name: info.title || info.url, sessionId: '', live: true };
      this.byTargetId.set(info.targetId, target);
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      target.sessionId = sessionId;
      this.bySession.set(sessionId, target);
      added.push(target);
    }
    return added;
  }

  all(): Attached[] {
    return [...this.byTargetId.values()];
  }

  send<T>(target: Attached, method: string, params: object = {}): Promise<T> {
    if (!target.live) return Promise.reject(new Error(`${target.name} is gone`));
    const id = ++this.nextId;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, target }));
    this.cdp.send('Target.sendMessageToTarget', { sessionId: target.sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: unknown) => {
      this.pending.get(id)?.reject(e instanceof Error ? e : new Error(String(e)));
      this.pending.delete(id);
    });
    return answer;
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  private gone(target: Attached): void {
    target.live = false;
    for (const [id, w] of this.pending) {
      if (w.target !== target) continue;
      this.pending.delete(id);
      w.reject(new Error(`${target.name} is gone`));
    }
  }
}
