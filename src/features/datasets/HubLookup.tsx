import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_ENDPOINT, type HubTarget } from '../../../workers/datasetsApi';
import { lastEndpoint, rememberEndpoint } from './tokenMemory';

interface Props {
  busy: boolean;
  onLookup(target: HubTarget): void;
}

const EXAMPLES = ['AlienKevin/SWE-ZERO-1k-trajectories-32k', 'nvidia/Open-SWE-Traces', 'nebius/SWE-rebench-openhands-trajectories'];

/** Dataset id, revision, and (folded away) the Hub endpoint and an access token. */
export function HubLookup({ busy, onLookup }: Props) {
  const id = useId();
  const [repo, setRepo] = useState('');
  const [revision, setRevision] = useState('');
  const [endpoint, setEndpoint] = useState(() => lastEndpoint() ?? '');
  const [token, setToken] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target: HubTarget = { repo: repo.trim() };
    if (revision.trim()) target.revision = revision.trim();
    if (endpoint.trim()) target.endpoint = endpoint.trim().replace(/\/+$/, '');
    if (token.trim()) target.token = token.trim();
    rememberEndpoint(target.endpoint);
    onLookup(target);
  };

  return (
    <form className="hub-lookup" onSubmit={submit} aria-label="Load a dataset from the Hugging Face Hub">
      <div className="hub-lookup-row">
        <label className="field field-grow" htmlFor={`${id}-repo`}>
          <span>Hugging Face dataset or file URL</span>
          <input
            id={`${id}-repo`}
            value={repo}
            onChange={(e) => setRepo(e.target.value)}
            placeholder="owner/name (e.g. nvidia/Open-SWE-Traces), or https://…/file.parquet"
            list={`${id}-examples`}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <datalist id={`${id}-examples`}>
            {EXAMPLES.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </label>
        <label className="field" htmlFor={`${id}-rev`}>
          <span>Revision</span>
          <input id={`${id}-rev`} value={revision} onChange={(e) => setRevision(e.target.value)} placeholder="main" spellCheck={false} />
        </label>
        <button className="button button-primary" type="submit" disabled={busy || !repo.trim()}>
          {busy ? 'Looking up…' : 'Look up'}
        </button>
      </div>
      <details className="hub-lookup-more">
        <summary>Endpoint and access token</summary>
        <div className="hub-lookup-row">
          <label className="field field-grow" htmlFor={`${id}-endpoint`}>
            <span>Hub endpoint</span>
            <input id={`${id}-endpoint`} value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder={DEFAULT_ENDPOINT} spellCheck={false} />
          </label>
          <label className="field field-grow" htmlFor={`${id}-token`}>
            <span>Access token (gated datasets)</span>
            <input id={`${id}-token`} type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="hf_…" autoComplete="off" />
          </label>
        </div>
        <p className="muted small">The token stays in this tab's memory: it is never stored with the data, put in links or exported.</p>
      </details>
    </form>
  );
}
