import { DecodeError } from '../../src/core/decode/types';

/**
 * A file read over HTTP failed for good; the message names the file and says why. A DecodeError,
 * so the decoders pass it on as the file's error instead of blaming the file's content.
 */
export class HttpSourceError extends DecodeError {
  constructor(
    file: string,
    reason: string,
    /** The HTTP status, when a response said no. */
    readonly status?: number,
  ) {
    super(file, reason);
    this.name = 'HttpSourceError';
  }
}

/** The file's ETag or size changed between requests: it was replaced on the server mid-read. */
export class FileChangedError extends HttpSourceError {
  constructor(file: string, what: string) {
    super(file, `the file changed on the server while it was being read (${what}); read it again from the start`);
    this.name = 'FileChangedError';
  }
}

/** A failure worth another try: a dropped connection, a cut body, a 5xx or 429. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

/** `fetch failed (ECONNREFUSED)`: the runtime's message with its low-level cause, when it has one. */
export function networkReason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as Error & { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail && !e.message.includes(detail) ? `${e.message} (${detail})` : e.message;
}

/** What a refusing server said: the Hub's X-Error-Message (HEAD answers have no body), its `{"error": ...}` JSON, or a short text body. */
export async function serverMessage(res: Response): Promise<string | undefined> {
  const header = res.headers.get('X-Error-Message');
  if (header) {
    await res.body?.cancel().catch(() => undefined);
    return header;
  }
  let text: string;
  try {
    text = (await res.text()).trim();
  } catch {
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object' && 'error' in json && typeof json.error === 'string') return json.error;
  } catch {
    // Not JSON: the text itself, unless it is a page.
  }
  return text && !text.startsWith('<') ? text.slice(0, 300) : undefined;
}
