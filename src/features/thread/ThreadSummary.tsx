import type { Features } from '../../core/types';
import { count, plural, shortCount } from './format';
import type { ThreadItem } from './model/threadModel';

/** One line about the whole rollout: messages, calls, errors, tokens, the patch's size. */
export function ThreadSummary({ items, features }: { items: readonly ThreadItem[]; features: Features | undefined }) {
  const calls = items.reduce((n, i) => n + i.calls.length, 0);
  const errors = items.filter((i) => i.observation?.error).length;
  return (
    <p className="th-summary">
      <span>{plural(items.length, 'message')}</span>
      <span>{plural(calls, 'tool call')}</span>
      <span className={errors > 0 ? 'th-summary-bad' : undefined}>{plural(errors, 'error')}</span>
      {features ? (
        <span title={features.tokensExact ? 'cl100k_base tokens of all message texts' : 'Estimated (characters / 4) until exact counts are in'}>
          {features.tokensExact ? '' : '≈'}
          {shortCount(features.tokens)} tokens
        </span>
      ) : null}
      {features && features.patchFiles > 0 ? (
        <span>
          patch: {plural(features.patchFiles, 'file')}, <span className="th-add">+{count(features.patchAdd)}</span> <span className="th-del">−{count(features.patchDel)}</span>
        </span>
      ) : null}
    </p>
  );
}

/** What the format adapter found odd about this record (bad JSON arguments, unknown roles ...). */
export function ThreadWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <details className="th-warnings">
      <summary>{plural(warnings.length, 'warning')} while reading this record</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
