import type { ToolCall } from '../../../core/types';
import { argsOf } from '../model/callArgs';

/** Arguments a renderer did not show; unset and false values are noise. */
function otherArgs(call: ToolCall, shown: readonly string[]): [string, unknown][] {
  return Object.entries(argsOf(call)).filter(([k, v]) => !shown.includes(k) && v !== null && v !== undefined && v !== false && v !== '');
}

export function hasOtherArgs(call: ToolCall, shown: readonly string[]): boolean {
  return otherArgs(call, shown).length > 0;
}

/** Arguments a renderer did not show, as `key: value` chips. */
export function OtherArgs({ call, shown }: { call: ToolCall; shown: readonly string[] }) {
  const rest = otherArgs(call, shown);
  if (rest.length === 0) return null;
  return (
    <ul className="call-args" aria-label="Other arguments">
      {rest.map(([k, v]) => (
        <li key={k}>
          <span className="call-arg-key">{k}</span> <span className="call-arg-value">{typeof v === 'string' ? v : JSON.stringify(v)}</span>
        </li>
      ))}
    </ul>
  );
}
