/**
 * Why a Hub dataset could not be opened, one class per cause, each with a message a user can act
 * on. None ever holds the access token. The `name` of each survives a comlink hop (it copies
 * name and message), so the UI can tell them apart after the worker throws.
 */
export class HubDatasetError extends Error {
  override name = 'HubDatasetError';
}

/** Where a user pastes the token, as the messages name it. */
export const TOKEN_FIELD = 'the Hugging Face access token field';

export class MalformedDatasetIdError extends HubDatasetError {
  override name = 'MalformedDatasetIdError';
  constructor(readonly input: string) {
    super(`"${input}" is not owner/name: a Hugging Face dataset id looks like nvidia/Open-SWE-Traces (a dataset URL works too)`);
  }
}

export class DatasetNotFoundError extends HubDatasetError {
  override name = 'DatasetNotFoundError';
  constructor(readonly repo: string, readonly endpoint: string, hadToken: boolean) {
    super(`Dataset "${repo}" was not found on ${endpoint}. ${hadToken
      ? 'Check the id; if the dataset is private, the token given has no access to it.'
      : `Check the id; if the dataset is private, paste an access token that can read it into ${TOKEN_FIELD}.`}`);
  }
}

export class RevisionNotFoundError extends HubDatasetError {
  override name = 'RevisionNotFoundError';
  constructor(readonly repo: string, readonly revision: string, readonly endpoint: string) {
    super(`Dataset "${repo}" has no revision "${revision}" on ${endpoint}: give a branch (such as main), a tag or a commit id.`);
  }
}

/** The dataset is gated (or private) and no token came with the request. */
export class TokenRequiredError extends HubDatasetError {
  override name = 'TokenRequiredError';
  constructor(readonly repo: string, readonly endpoint: string) {
    super(`Dataset "${repo}" is gated: reading it needs a Hugging Face access token. Accept its conditions at ${endpoint}/datasets/${repo}, create a read token at ${endpoint}/settings/tokens, and paste it into ${TOKEN_FIELD}.`);
  }
}

export type TokenProblem = 'malformed' | 'invalid' | 'not-granted';

/** A token came, but it is not one, the Hub does not know it, or it was not granted this dataset. */
export class TokenRejectedError extends HubDatasetError {
  override name = 'TokenRejectedError';
  constructor(readonly repo: string, readonly endpoint: string, readonly problem: TokenProblem) {
    super(tokenMessage(repo, endpoint, problem));
  }
}

function tokenMessage(repo: string, endpoint: string, problem: TokenProblem): string {
  if (problem === 'malformed') return `The access token given is not a Hugging Face token (those start with "hf_"): copy it again from ${endpoint}/settings/tokens into ${TOKEN_FIELD}.`;
  if (problem === 'invalid') return `${endpoint} rejected the access token as invalid or expired: create a new read token at ${endpoint}/settings/tokens and paste it into ${TOKEN_FIELD}.`;
  return `The access token has no access to the gated dataset "${repo}": accept its conditions at ${endpoint}/datasets/${repo} with the account the token belongs to (the authors may have to approve the request), then try again.`;
}

export class NoDataFilesError extends HubDatasetError {
  override name = 'NoDataFilesError';
  constructor(readonly repo: string, readonly revision: string, readonly ignored: string[]) {
    const shown = ignored.slice(0, 5).join(', ') + (ignored.length > 5 ? ` and ${ignored.length - 5} more` : '');
    super(`Dataset "${repo}" has no readable data files (.parquet, .jsonl or .json, optionally .gz) at revision "${revision}", nor a parquet conversion (refs/convert/parquet)${ignored.length > 0 ? `; its files: ${shown}` : '; it has no files besides its card'}.`);
  }
}

export class HubUnreachableError extends HubDatasetError {
  override name = 'HubUnreachableError';
  constructor(readonly endpoint: string, reason: string) {
    super(`Cannot reach ${endpoint} (${reason}): check the network connection and the Hub address.`);
  }
}

/** Any other refusal or failure the Hub answered with, after retries. */
export class HubRequestError extends HubDatasetError {
  override name = 'HubRequestError';
  constructor(readonly repo: string, readonly endpoint: string, readonly status: number, said?: string) {
    super(`${endpoint} answered HTTP ${status} for dataset "${repo}"${said ? `: ${said}` : ''}${status >= 500 ? '; try again later' : ''}.`);
  }
}
