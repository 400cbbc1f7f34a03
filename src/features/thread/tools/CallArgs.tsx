import type { ToolCall } from '../../../core/types';
import { argsOf } from '../model/callArgs';

/** Arguments a renderer did not show, as `key: value` chips; unset and false values are noise. */
export function OtherArgs({ call, shown }: { call: ToolCall; shown: readonly string[] }) {
  const rest = Object.entries(argsOf(call)).filter(([k, v]) => !shown.includes(k) && v !== null && v !== undefined && v !== false && v !== '');
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
