import { describe, expect, it } from 'vitest';
import { isErrorOutput, looksLikeDiff, readToolOutput } from './observationText';

describe('readToolOutput', () => {
  it('reads mini-swe-agent <returncode> tags and JSON observations (via the core)', () => {
    expect(readToolOutput('<returncode>2</returncode>\n<output>\nboom\n</output>')).toEqual({ output: 'boom', returnCode: 2 });
    expect(readToolOutput('{"returncode":0,"output":"ok\\n"}')).toEqual({ output: 'ok\n', returnCode: 0 });
  });

  it('reads OpenHands exit-code trailers and removes them from the output', () => {
    expect(readToolOutput('total 0\n[The command completed with exit code 1.]')).toEqual({ output: 'total 0', returnCode: 1 });
    expect(readToolOutput('OBSERVATION:\nx\n[Command finished with exit code 127]')).toEqual({ output: 'x', returnCode: 127 });
  });

  it("reads R2E-Gym's exit-code header", () => {
    expect(readToolOutput('Exit code: 0\nExecution output of [execute_bash]:\n[STDOUT]\nok')).toEqual({ output: '[STDOUT]\nok', returnCode: 0 });
    expect(readToolOutput('Execution output of [search]:\nFound 3 matches')).toEqual({ output: 'Found 3 matches' });
    expect(readToolOutput('Exit code: 2\nboom')).toEqual({ output: 'boom', returnCode: 2 });
  });

  it("separates SWE-agent's shell state footer", () => {
    const out = readToolOutput('Found 3 matches\n(Open file: /a/b.py)\n(Current directory: /a)\nbash-$');
    expect(out).toEqual({ output: 'Found 3 matches', footer: '(Open file: /a/b.py)\n(Current directory: /a)' });
  });

  it('strips Observation: prefixes and keeps unknown text as is', () => {
    expect(readToolOutput('Observation: hi')).toEqual({ output: 'hi' });
    expect(readToolOutput('just text')).toEqual({ output: 'just text' });
  });
});

describe('isErrorOutput', () => {
  it('trusts a return code when there is one', () => {
    expect(isErrorOutput({ output: 'Traceback (most recent call last):', returnCode: 0 })).toBe(false);
    expect(isErrorOutput({ output: '', returnCode: 1 })).toBe(true);
  });

  it('reads failures from the text otherwise', () => {
    for (const text of ['Traceback (most recent call last):\n  File "a.py"', 'bash: line 1: npx: command not found', 'x\nValueError: bad', 'FAILED tests/test_a.py::t', 'cat: nope: No such file or directory', '==== 1 failed, 2 passed in 0.1s ====']) {
      expect(isErrorOutput({ output: text }), text).toBe(true);
    }
    for (const text of ['total 0', 'tests/test_a.py::t PASSED', 'Error handling docs are in docs/', '===== 3 passed in 0.10s =====']) {
      expect(isErrorOutput({ output: text }), text).toBe(false);
    }
  });
});

describe('looksLikeDiff', () => {
  it('recognises git diff output', () => {
    expect(looksLikeDiff('diff --git a/x b/x\nindex 1..2\n')).toBe(true);
    expect(looksLikeDiff('Here is a list of all of your changes:\n\n<diff>\ndiff --git a/x b/x')).toBe(true);
    expect(looksLikeDiff('--- a/x\n+++ b/x\n@@ -1 +1 @@')).toBe(true);
    expect(looksLikeDiff('total 0\n-rw-r--r-- file')).toBe(false);
  });
});
