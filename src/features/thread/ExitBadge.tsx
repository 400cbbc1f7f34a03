import type { ObservationInfo } from './model/threadModel';

/** The exit code of an output (green 0, red otherwise); "error" for failures read from the text. */
export function ExitBadge({ info }: { info: ObservationInfo | undefined }) {
  if (!info) return null;
  if (info.returnCode !== undefined) {
    return (
      <span className={`exit-badge ${info.returnCode === 0 ? 'exit-ok' : 'exit-bad'}`} title={`Exit code ${info.returnCode}`}>
        exit {info.returnCode}
      </span>
    );
  }
  return info.error ? (
    <span className="exit-badge exit-bad" title="The output reads as an error (no exit code recorded)">
      error
    </span>
  ) : null;
}
