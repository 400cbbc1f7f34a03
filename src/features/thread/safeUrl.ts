/**
 * Links in model output and observations are untrusted: only absolute http(s) and mailto URLs
 * stay links. Browsers ignore tabs, newlines and control characters inside a scheme
 * (`java\tscript:`), so they are removed before the scheme is read.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(compact)?.[1]?.toLowerCase();
  return scheme !== undefined && ALLOWED.has(scheme) ? url.trim() : undefined;
}
