import { HubApiError } from '@huggingface/hub';
import {
  DatasetNotFoundError, HubDatasetError, HubRequestError, RevisionNotFoundError, TokenRejectedError, TokenRequiredError,
} from '../../src/core/hub/hubErrors';
import type { HubRefusal } from './hubClient';

export interface RefusalContext {
  repo: string;
  revision: string;
  endpoint: string;
  hasToken: boolean;
}

/**
 * The typed error for a refusal, from the Hub's X-Error-Code when it sent one, else from the
 * status and message (a 401 is how the Hub says "not found" to an anonymous caller).
 */
export function errorForRefusal(refusal: HubRefusal, ctx: RefusalContext): HubDatasetError {
  const { status, code, message = '' } = refusal;
  const { repo, endpoint, hasToken } = ctx;
  if (code === 'RevisionNotFound' || (status === 404 && /\brev(ision)?\b/i.test(message))) return new RevisionNotFoundError(repo, ctx.revision, endpoint);
  if (code === 'GatedRepo' || (status === 403 && /gated|restricted/i.test(message))) {
    return hasToken ? new TokenRejectedError(repo, endpoint, 'not-granted') : new TokenRequiredError(repo, endpoint);
  }
  if (status === 401 && hasToken && /credentials|token/i.test(message)) return new TokenRejectedError(repo, endpoint, 'invalid');
  if (code === 'RepoNotFound' || status === 401 || status === 404) return new DatasetNotFoundError(repo, endpoint, hasToken);
  if (status === 403) return hasToken ? new TokenRejectedError(repo, endpoint, 'not-granted') : new TokenRequiredError(repo, endpoint);
  return new HubRequestError(repo, endpoint, status, message || undefined);
}

/** Rethrows anything from a library call as a typed error where it was a Hub refusal. */
export function rethrowTyped(e: unknown, lastRefusal: HubRefusal | undefined, ctx: RefusalContext): never {
  if (e instanceof HubApiError) {
    const refusal = lastRefusal?.status === e.statusCode ? lastRefusal : { status: e.statusCode, message: libraryMessage(e) };
    throw errorForRefusal({ ...refusal, message: refusal.message ?? libraryMessage(e) }, ctx);
  }
  throw e;
}

/** The server's text from a HubApiError, without the URL the library appends. */
function libraryMessage(e: HubApiError): string {
  return e.message.replace(/\.\s*URL: .*$/s, '');
}
