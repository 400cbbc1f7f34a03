import { CodeBlock } from '../../../ui/highlight/CodeBlock';
import { languageForPath } from '../../../ui/highlight/languages';
import type { ToolCall } from '../../../core/types';
import { argsOf, stringArg } from '../model/callArgs';
import { OtherArgs } from './CallArgs';
import { MiniDiffView } from './MiniDiffView';

const SHOWN = ['command', 'path', 'view_range', 'file_text', 'old_str', 'new_str', 'insert_line', 'security_risk'];

/** str_replace_editor and its kin: the path, and per command the file, the edit or the inserted text. */
export function EditorCall({ call }: { call: ToolCall }) {
  const command = stringArg(call, 'command') ?? '';
  const path = stringArg(call, 'path') ?? '';
  const language = languageForPath(path);
  return (
    <div className="editor-call">
      <div className="editor-target">
        <span className={`editor-verb editor-verb-${command.replace(/\W/g, '') || 'none'}`}>{command || 'edit'}</span>
        <code className="editor-path">{path}</code>
        <EditorRange call={call} command={command} />
      </div>
      <EditorPayload call={call} command={command} path={path} language={language} />
      <OtherArgs call={call} shown={SHOWN} />
    </div>
  );
}

function EditorRange({ call, command }: { call: ToolCall; command: string }) {
  const args = argsOf(call);
  if (command === 'insert' && args.insert_line !== undefined) return <span className="editor-range">after line {String(args.insert_line)}</span>;
  const range = viewRange(args.view_range);
  return range ? <span className="editor-range">lines {range}</span> : null;
}

/** `[79, 93]`, or the same as a JSON string as some datasets store it. */
function viewRange(raw: unknown): string | undefined {
  const value = typeof raw === 'string' ? parsedOr(raw) : raw;
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [from, to] = value as unknown[];
  return `${String(from)}–${to === -1 ? 'end' : String(to)}`;
}

function parsedOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function EditorPayload({ call, command, path, language }: { call: ToolCall; command: string; path: string; language: string | undefined }) {
  const fileText = stringArg(call, 'file_text');
  const oldStr = stringArg(call, 'old_str');
  const newStr = stringArg(call, 'new_str');
  if (command === 'create' && fileText !== undefined) return <CodeBlock code={fileText} language={language} className="editor-code" label={`Contents of ${path}`} />;
  if (command === 'str_replace' && (oldStr !== undefined || newStr !== undefined)) return <MiniDiffView before={oldStr ?? ''} after={newStr ?? ''} label={`Replacement in ${path}`} />;
  if (command === 'insert' && newStr !== undefined) return <MiniDiffView before="" after={newStr} label={`Text inserted in ${path}`} />;
  return null;
}
