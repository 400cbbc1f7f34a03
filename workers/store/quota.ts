import type { QuotaEstimate } from './records';

/** `navigator.storage.estimate()` where the environment has it (browsers, their workers); undefined elsewhere. */
export async function estimateQuota(): Promise<QuotaEstimate | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}

/** Chromium, Firefox and WebKit name it QuotaExceededError; older WebKit reported an UnknownError about quota. */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error || e instanceof DOMException)) return false;
  return e.name === 'QuotaExceededError' || (e.name === 'UnknownError' && /quota|disk|space/i.test(e.message));
}
