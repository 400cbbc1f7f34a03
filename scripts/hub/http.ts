import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a browser page on another origin needs to read the Hub's answers, as huggingface.co allows. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Range, Authorization, Content-Type, Accept, If-Range',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag, X-Repo-Commit, Link, Accept-Ranges, X-Error-Code, X-Error-Message, X-Request-Id',
  'Access-Control-Max-Age': '86400',
};

/** The Hub's error codes (`X-Error-Code`), which clients use to tell failures apart. */
export type HubErrorCode = 'RepoNotFound' | 'RevisionNotFound' | 'EntryNotFound' | 'GatedRepo';

/** A refusal, sent as the Hub sends it: `{"error": message}` plus X-Error-Code / X-Error-Message. */
export interface HubFailure {
  status: number;
  message: string;
  code?: HubErrorCode;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendFailure(res: ServerResponse, failure: HubFailure): void {
  // Header values must be printable ASCII; the body keeps the message as it is.
  const headers: Record<string, string> = { 'X-Error-Message': failure.message.replace(/[^\x20-\x7e]/g, '?') };
  if (failure.code) headers['X-Error-Code'] = failure.code;
  sendJson(res, failure.status, { error: failure.message }, headers);
}

/**
 * The Bearer token, if any. Anything else in Authorization is an unusable credential (the
 * Hub refuses it as it refuses a wrong token): returned as the empty string.
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}
