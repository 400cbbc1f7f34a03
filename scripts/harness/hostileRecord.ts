/**
 * A trajectory built to attack the reading views: script tags, event-handler attributes,
 * javascript: links and images in every place untrusted text appears, a 10 MB observation and a
 * 2 MB single-line one. Everything it could load or run points at 127.0.0.1 `/__hostile/...`, so a
 * test sees any request it causes, and any code that ran sets `window.__pwned`.
 */
import { computeFeatures } from '../../src/core/features';
import type { Processed } from '../../src/core/pipeline';
import type { Message, Trajectory } from '../../src/core/types';

/** A line found only near the end of the 10 MB observation (find must reach it). */
export const HOSTILE_NEEDLE = 'NEEDLE_AT_THE_END_OF_THE_BIG_OUTPUT';
export const BIG_OUTPUT_CHARS = 10 * 1024 * 1024;

const pwn = (where: string) => `window.__pwned=(window.__pwned||[]).concat('${where}')`;

const HOSTILE_MARKDOWN = [
  'I will **not** behave. <script>' + pwn('prose-script') + '</script>',
  '',
  `<img src="/__hostile/raw-img.png" onerror="${pwn('prose-img')}">`,
  '',
  '![tracking pixel](/__hostile/md-image.png) and ![abs](http://127.0.0.1:9/__hostile/abs.png)',
  '',
  `- [js link](javascript:${pwn('md-link')})`,
  `- [mixed case](JaVaScRiPt:${pwn('md-link-case')})`,
  '- [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  `- <a href="javascript:${pwn('raw-a')}">raw anchor</a>`,
  '- [a safe link](https://example.com/docs)',
  '',
  '```html',
  `<script>${pwn('fenced')}</script>`,
  '```',
].join('\n');

function bigOutput(): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < BIG_OUTPUT_CHARS; i++) {
    const line = `${String(i).padStart(7, '0')} INFO worker[${i % 17}] processed batch ${i} <img src=/__hostile/log.png onerror="${pwn('log')}"> ok`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push(HOSTILE_NEEDLE, '=== 1 failed, 2 passed ===');
  return lines.join('\n');
}

function messages(): Message[] {
  const call = (id: string, name: string, args: unknown) => ({ id, name, arguments: args });
  return [
    { role: 'system', content: `You are a test. <script>${pwn('system')}</script>` },
    { role: 'user', content: `Fix it. <img src="/__hostile/task.png" onerror="${pwn('task-img')}"> [click](javascript:${pwn('task-link')})` },
    {
      role: 'assistant',
      content: HOSTILE_MARKDOWN,
      reasoning: `Reasoning with <script>${pwn('reasoning')}</script> inside.`,
      toolCalls: [call('c1', 'execute_bash', { command: `echo '<script>${pwn('command')}</script>' > /tmp/x.html` })],
    },
    { role: 'tool', toolCallId: 'c1', content: `<script>${pwn('output')}</script>\n<img src=/__hostile/out.png onerror="${pwn('output-img')}">\n[The command completed with exit code 0.]` },
    {
      role: 'assistant',
      content: 'Creating a page.',
      toolCalls: [call('c2', 'str_replace_editor', { command: 'create', path: '/repo/<img src=x onerror=alert(1)>.html', file_text: `<html><body onload="${pwn('file')}"><script>${pwn('file-script')}</script></body></html>` })],
    },
    { role: 'tool', toolCallId: 'c2', content: 'File created successfully at: /repo/index.html' },
    { role: 'assistant', content: 'Reading the big log.', toolCalls: [call('c3', 'execute_bash', { command: 'cat build.log' })] },
    { role: 'tool', toolCallId: 'c3', content: `${bigOutput()}\n[The command completed with exit code 1.]` },
    { role: 'assistant', content: 'And the minified bundle.', toolCalls: [call('c4', 'execute_bash', { command: 'cat dist/app.min.js' })] },
    { role: 'tool', toolCallId: 'c4', content: `${'var a=1;'.repeat(256 * 1024)}\n[The command completed with exit code 0.]` },
    { role: 'assistant', content: '', toolCalls: [call('c5', 'constructor', { __proto__x: `<script>${pwn('json')}</script>`, nested: { href: `javascript:${pwn('json-href')}` } })] },
    { role: 'tool', toolCallId: 'c5', content: 'ERROR: unknown tool' },
    { role: 'assistant', content: 'Done.', toolCalls: [call('c6', 'finish', { message: `All done <img src=/__hostile/finish.png onerror="${pwn('finish')}">`, task_completed: 'false' })] },
  ];
}

const HOSTILE_PATCH = [
  'diff --git a/web/<img src=x onerror=alert(1)>.html b/web/<img src=x onerror=alert(1)>.html',
  'index 1111111..2222222 100644',
  '--- a/web/<img src=x onerror=alert(1)>.html',
  '+++ b/web/<img src=x onerror=alert(1)>.html',
  '@@ -1,3 +1,4 @@',
  ' <html>',
  `-<body>`,
  `+<body onload="${pwn('patch')}">`,
  `+<script>${pwn('patch-script')}</script>`,
  ' </html>',
  '',
].join('\n');

export function hostileRecord(): Processed {
  const trajectory: Trajectory = {
    id: 'harness/hostile#0',
    instanceId: 'hostile__record-1',
    repo: 'hostile/record',
    agent: 'openhands',
    outcome: 'unresolved',
    messages: messages(),
    patch: HOSTILE_PATCH,
    patchSource: 'column',
    referencePatch: HOSTILE_PATCH.replace('+<script>', '+<!-- reference --><script>'),
    extra: {},
    format: 'harness',
    warnings: [],
  };
  return { row: 0, trajectory, features: computeFeatures(trajectory, { exactTokens: false }) };
}
