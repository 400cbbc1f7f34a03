import type { BrowserContext, Page } from '@playwright/test';
import { TargetSessions, type Attached } from './targets';

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

interface Sampled {
  target: Attached;
  asking: boolean;
  lastAnswer: number;
  latest: Usage | undefined;
  peakBytes: number;
  answers: number;
}

const REFRESH_EVERY = 2;

/**
 * Samples `Runtime.getHeapUsage` of the page and every worker about every `intervalMs`. The total
 * at any moment uses each live target's latest answer, so a busy worker that answers late still
 * counts with what it last said.
 */
export async function startHeapSampler(context: BrowserContext, page: Page, intervalMs = 100): Promise<{ stop(): Promise<HeapReport> }> {
  const sessions = await TargetSessions.open(context, page);
  const start = performance.now();
  const now = () => performance.now() - start;
  const sampled = new Map<Attached, Sampled>();
  const report: HeapReport = { peakBytes: 0, peakHeapUsedBytes: 0, peakAtMs: 0, answers: 0, maxGapMs: 0, targets: [], timeline: [] };

  const total = () => {
    let bytes = 0;
    let used = 0;
    for (const s of sampled.values()) {
      if (!s.target.live || !s.latest) continue;
      bytes += bytesOf(s.latest);
      used += s.latest.usedSize;
    }
    if (bytes > report.peakBytes) {
      report.peakBytes = bytes;
      report.peakAtMs = now();
    }
    report.peakHeapUsedBytes = Math.max(report.peakHeapUsedBytes, used);
    return bytes;
  };

  const ask = (s: Sampled) => {
    if (!s.target.live || s.asking) return;
    s.asking = true;
    sessions
      .send<Usage>(s.target, 'Runtime.getHeapUsage')
      .then((usage) => {
        report.maxGapMs = Math.max(report.maxGapMs, now() - s.lastAnswer);
        s.lastAnswer = now();
        s.latest = usage;
        s.answers++;
        s.peakBytes = Math.max(s.peakBytes, bytesOf(usage));
        report.answers++;
        total();
      })
      .catch(() => undefined)
      .finally(() => (s.asking = false));
  };

  const refresh = async () => {
    for (const target of await sessions.refresh()) sampled.set(target, { target, asking: false, lastAnswer: now(), latest: undefined, peakBytes: 0, answers: 0 });
  };

  let ticks = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    (ticks++ % REFRESH_EVERY === 0 ? refresh() : Promise.resolve())
      .then(() => {
        for (const s of sampled.values()) ask(s);
        report.timeline.push([Math.round(now()), total()]);
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, intervalMs);
  await refresh();

  return {
    async stop() {
      clearInterval(timer);
      for (const s of sampled.values()) if (s.target.live && s.asking) report.maxGapMs = Math.max(report.maxGapMs, now() - s.lastAnswer);
      report.targets = [...sampled.values()].map((s) => ({ type: s.target.type, name: s.target.name, peakBytes: s.peakBytes, answers: s.answers }));
      report.timeline = thin(report.timeline, 200);
      await sessions.close();
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
