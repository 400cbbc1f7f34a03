import { readObservation } from '../../../core/observation';

export interface ToolOutput {
  /** What the tool printed, without the harness's wrapper (prefixes, return-code tags, trailers). */
  output: string;
  returnCode?: number;
  /** SWE-agent's state lines after the output: `(Open file: ...)`, `(Current directory: ...)`. */
  footer?: string;
}

/** OpenHands: `[The command completed with exit code 1.]`, older `[Command finished with exit code 1]`. */
const OPENHANDS_EXIT = /\n?\[(?:The command completed|Command finished) with exit code (-?\d+)\.?\]\s*$/;
/** R2E-Gym: `Exit code: 0\nExecution output of [execute_bash]:\n`, the exit line only for shell tools. */
const R2E_HEADER = /^(?:Exit code: (-?\d+)\r?\n)?Execution output of \[[^\]]*\]:\r?\n|^Exit code: (-?\d+)\r?\n/;
/** SWE-agent 0.x shell state after each observation. */
const SWE_AGENT_FOOTER = /\n?((?:\(Open file: [^\n]*\)\n)?\(Current directory: [^\n]*\)\n?(?:bash-\$)?\s*)$/;

/**
 * Unwraps an observation as every harness we read writes it: the core's conventions
 * (`Observation:` prefixes, `<returncode>` tags, JSON {returncode, output}), plus the exit-code
 * lines OpenHands and R2E-Gym add and SWE-agent's trailing shell state.
 */
export function readToolOutput(text: string): ToolOutput {
  const base = readObservation(text);
  let output = base.output;
  let returnCode = base.returnCode;
  const r2e = returnCode === undefined ? R2E_HEADER.exec(output) : null;
  if (r2e) {
    const code = r2e[1] ?? r2e[2];
    if (code !== undefined) returnCode = Number(code);
    output = output.slice(r2e[0].length);
  }
  const openhands = returnCode === undefined ? OPENHANDS_EXIT.exec(output) : null;
  if (openhands) {
    returnCode = Number(openhands[1]);
    output = output.slice(0, openhands.index);
  }
  const result: ToolOutput = { output };
  if (returnCode !== undefined) result.returnCode = returnCode;
  const footer = SWE_AGENT_FOOTER.exec(output);
  if (footer && footer[1]) {
    result.output = output.slice(0, footer.index);
    result.footer = footer[1].replace(/\s*bash-\$\s*$/, '').trim();
  }
  return result;
}

/**
 * Output that reads as a failure when the harness gave no return code: a Python traceback, a
 * `...Error:` / `error:` / `fatal:` line, a missing command or file, a failing test summary.
 */
const ERROR_TEXT = /^(?:Traceback \(most recent call last\)|[\w.]*(?:Error|Exception):|Exception in thread|error(?:\[\w+\])?:|fatal:|FAIL(?:ED)?\b|ERROR\b|BUILD FAILURE|=+ .*\bfailed\b.*=+$)|command not found|No such file or directory/m;

export function isErrorOutput(out: ToolOutput): boolean {
  if (out.returnCode !== undefined) return out.returnCode !== 0;
  return ERROR_TEXT.test(out.output.length > 200_000 ? out.output.slice(0, 100_000) + out.output.slice(-100_000) : out.output);
}

const DIFF_START = /^diff --git |^--- a\/.*\n\+\+\+ b\//m;

/** Output that prints a diff (`git diff`, a submission), shown with +/- colouring. */
export function looksLikeDiff(output: string): boolean {
  return DIFF_START.test(output.slice(0, 20_000));
}
