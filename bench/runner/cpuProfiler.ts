import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { moduleAt, moduleMarkers, summarizeProfile, type CpuProfile, type ProfileSummary } from './profileStages';
import { TargetSessions, type Attached } from './targets';

export interface TargetProfile {
  type: string;
  name: string;
  summary: ProfileSummary;
  profile: CpuProfile;
}

const SAMPLING_US = 1000;

/**
 * CPU profiles of the page and every worker it starts (sampling at 1 ms), from now until `stop`.
 * Frames are attributed to source files through the bench build's module markers, read from
 * `distDir` (the served build).
 */
export async function startCpuProfiler(context: BrowserContext, page: Page, distDir: string): Promise<{ stop(): Promise<TargetProfile[]> }> {
  const sessions = await TargetSessions.open(context, page);
  const started = new Set<Attached>();
  const begin = async (t: Attached) => {
    await sessions.send(t, 'Profiler.enable');
    await sessions.send(t, 'Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await sessions.send(t, 'Profiler.start');
    started.add(t);
  };
  const refresh = async () => {
    for (const t of await sessions.refresh()) await begin(t).catch(() => undefined);
  };
  await refresh();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    refresh()
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 200);
  return {
    async stop() {
      clearInterval(timer);
      const sourceOf = bundleSources(distDir);
      const out: TargetProfile[] = [];
      for (const t of started) {
        if (!t.live) continue;
        const { profile } = await sessions.send<{ profile: CpuProfile }>(t, 'Profiler.stop').catch(() => ({ profile: undefined }));
        if (profile) out.push({ type: t.type, name: t.name, summary: summarizeProfile(profile, sourceOf), profile });
      }
      await sessions.close();
      return out;
    },
  };
}

/** Maps a served script URL and line to the module it was bundled from. */
function bundleSources(distDir: string): (url: string, line: number) => string {
  const markers = new Map<string, Array<[number, string]>>();
  return (url, line) => {
    let m = markers.get(url);
    if (!m) {
      try {
        m = moduleMarkers(readFileSync(path.join(distDir, new URL(url).pathname), 'utf8'));
      } catch {
        m = [];
      }
      markers.set(url, m);
    }
    return moduleAt(m, line) || new URL(url).pathname;
  };
}
