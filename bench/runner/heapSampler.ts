import type { BrowserContext, Page } from '@playwright/test';

export interface HeapReport {
  /** Peak of the sum, over the page and all its workers, of V8 heap used plus ArrayBuffer backing stores. */
  peakBytes: number;
  /** Peak of the sum of V8 heap used alone (strings and objects, without ArrayBuffer contents). */
  peakHeapUsedBytes: number;
  /** When the peak was seen, from the sampler's start. */
  peakAtMs: number;
  answers: number;
  /** Longest wait for one target's answer: a thread busy in one long task answers late. */
  maxGapMs: number;
  targets: Array<{ type: string; name: string; peakBytes: number; answers: number }>;
  /** Total at each tick, thinned to at most 200 points: [ms, bytes]. */
  timeline: Array<[number, number]>;
}

interface Usage {
  usedSize: number;
  backingStorageSize?: number;
}

interface Target {
  type: string;
  name: string;
  sessionId: string;
  live: boolean;
  asked: number | undefined;
  lastAnswer: number;
  latest: Usage | undefined;
  peakBytes: number;
  answers: number;
}

const KINDS = new Set(['page', 'worker', 'shared_worker']);
const REFRESH_EVERY = 2;

/**
 * Samples `Runtime.getHeapUsage` of the page and every worker (nested ones too) about every
 * `intervalMs`. Workers are found with `Target.getTargets` and attached in the non-flattened mode
 * (`Target.sendMessageToTarget`): Playwright's CDP session drops the messages of flattened child
 * sessions it did not create itself. The total at any moment uses each target's latest answer,
 * so a busy worker that answers late still counts with what it last said.
 */
export async function startHeapSampler(context: BrowserContext, page: Page, intervalMs = 100): Promise<{ stop(): Promise<HeapReport> }> {
  const cdp = await context.newCDPSession(page);
  const start = performance.now();
  const now = () => performance.now() - start;
  const targets = new Map<string, Target>();
  const bySession = new Map<string, Target>();
  const report: HeapReport = { peakBytes: 0, peakHeapUsedBytes: 0, peakAtMs: 0, answers: 0, maxGapMs: 0, targets: [], timeline: [] };
  let nextId = 0;

  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const target = bySession.get(sessionId);
    const answer = JSON.parse(message) as { result?: Usage };
    if (!target || !answer.result || typeof answer.result.usedSize !== 'number') return;
    target.asked = undefined;
    report.maxGapMs = Math.max(report.maxGapMs, now() - target.lastAnswer);
    target.lastAnswer = now();
    target.latest = answer.result;
    target.answers++;
    target.peakBytes = Math.max(target.peakBytes, bytesOf(answer.result));
    report.answers++;
    total();
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    const target = sessionId === undefined ? undefined : bySession.get(sessionId);
    if (target) target.live = false;
  });

  const total = () => {
    let bytes = 0;
    let used = 0;
    for (const t of targets.values()) {
      if (!t.live || !t.latest) continue;
      bytes += bytesOf(t.latest);
      used += t.latest.usedSize;
    }
    if (bytes > report.peakBytes) {
      report.peakBytes = bytes;
      report.peakAtMs = now();
    }
    report.peakHeapUsedBytes = Math.max(report.peakHeapUsedBytes, used);
    return bytes;
  };

  const refresh = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const present = new Set(targetInfos.map((t) => t.targetId));
    for (const [id, t] of targets) if (!present.has(id)) t.live = false;
    for (const info of targetInfos) {
      if (!KINDS.has(info.type) || targets.has(info.targetId)) continue;
      const placeholder: Target = { type: info.type, name: info.title || info.url, sessionId: '', live: true, asked: undefined, lastAnswer: now(), latest: undefined, peakBytes: 0, answers: 0 };
      targets.set(info.targetId, placeholder);
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      placeholder.sessionId = sessionId;
      bySession.set(sessionId, placeholder);
    }
  };

  const ask = (t: Target) => {
    if (!t.live || !t.sessionId || t.asked !== undefined) return;
    t.asked = now();
    const message = JSON.stringify({ id: ++nextId, method: 'Runtime.getHeapUsage', params: {} });
    cdp.send('Target.sendMessageToTarget', { sessionId: t.sessionId, message }).catch(() => (t.live = false));
  };

  let ticks = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const step = ticks++ % REFRESH_EVERY === 0 ? refresh() : Promise.resolve();
    step
      .then(() => {
        for (const t of targets.values()) ask(t);
        report.timeline.push([Math.round(now()), total()]);
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, intervalMs);
  await refresh();

  return {
    async stop() {
      clearInterval(timer);
      for (const t of targets.values()) if (t.live && t.asked !== undefined) report.maxGapMs = Math.max(report.maxGapMs, now() - t.lastAnswer);
      report.targets = [...targets.values()].map(({ type, name, peakBytes, answers }) => ({ type, name, peakBytes, answers }));
      report.timeline = thin(report.timeline, 200);
      await cdp.detach().catch(() => undefined);
      return report;
    },
  };
}

function bytesOf(u: Usage): number {
  return u.usedSize + (u.backingStorageSize ?? 0);
}

function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const step = points.length / max;
  return Array.from({ length: max }, (_, i) => points[Math.floor(i * step)] as T);
}
