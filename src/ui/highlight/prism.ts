/**
 * The Prism instance every view highlights with: prism-react-renderer's bundle, plus grammars it
 * lacks that trajectories are full of (shell commands; Java, PHP and Ruby sources in SWE tasks).
 */
import { Prism } from 'prism-react-renderer';

type Grammar = Prism.Grammar;

const SHELL_PROGRAMS = [
  'cd', 'echo', 'cat', 'grep', 'egrep', 'rg', 'sed', 'awk', 'find', 'ls', 'git', 'python', 'python3', 'pip', 'pip3',
  'npm', 'npx', 'node', 'yarn', 'pnpm', 'pytest', 'make', 'rm', 'mv', 'cp', 'mkdir', 'touch', 'head', 'tail', 'wc',
  'sort', 'uniq', 'xargs', 'chmod', 'nl', 'diff', 'patch', 'go', 'cargo', 'rustc', 'mvn', 'gradle', 'php',
  'composer', 'ruby', 'bundle', 'java', 'javac', 'tee', 'printf', 'export', 'source', 'apt-get', 'curl', 'wget',
  'tar', 'perl', 'jq', 'tox', 'sudo', 'env', 'which', 'pwd', 'true', 'false', 'test', 'timeout',
];

const bash: Grammar = {
  comment: { pattern: /(^|[\s;|&(])#.*/, lookbehind: true, greedy: true },
  heredoc: { pattern: /<<-?\s*(['"]?)(\w+)\1[^\n]*\n[\s\S]*?\n\2(?=\n|$)/, greedy: true, alias: 'string' },
  string: [
    { pattern: /'[^']*'/, greedy: true },
    { pattern: /"(?:\\[\s\S]|[^"\\])*"/, greedy: true, inside: { variable: /\$(?:\w+|\{[^}]*\})/ } },
  ],
  variable: /\$(?:\w+|[#?*!@$]|\{[^}]*\}|\((?!\())/,
  keyword: /\b(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|local)\b/,
  builtin: new RegExp(`(^|[\\s;|&(\`])(?:${SHELL_PROGRAMS.map(escapeRegExp).join('|')})(?=[\\s;|&)]|$)`, 'm'),
  'attr-name': { pattern: /(\s)--?[A-Za-z][\w-]*(?==?)/, lookbehind: true },
  operator: /&&|\|\||\d?>>?|<<-?|\d?>&\d|[|;&<>]|!/,
  number: /\b\d+\b/,
  punctuation: /[{}()[\]]/,
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

function keywords(words: string): RegExp {
  return new RegExp(`\\b(?:${words.split(' ').join('|')})\\b`);
}

function register(): void {
  const languages = Prism.languages;
  if (languages.bash) return;
  languages.bash = bash;
  languages.shell = bash;
  languages.sh = bash;
  languages.java = languages.extend('clike', {
    keyword: keywords(
      'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try var void volatile while record yield',
    ),
    annotation: { pattern: /@\w+/, alias: 'punctuation' },
    'class-name': /\b[A-Z]\w*\b/,
  });
  languages.php = languages.extend('clike', {
    keyword: keywords(
      'abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or print private protected public readonly require require_once return static switch throw trait try unset use var while xor yield',
    ),
    variable: /\$+\w+/,
    comment: [{ pattern: /(^|[^\\])\/\*[\s\S]*?\*\//, lookbehind: true }, { pattern: /(^|[^\\:])(?:\/\/|#).*/, lookbehind: true }],
  });
  languages.ruby = languages.extend('clike', {
    keyword: keywords(
      'alias and begin break case class def defined do else elsif end ensure false for if in module next nil not or redo rescue retry return self super then true undef unless until when while yield require attr_reader attr_accessor attr_writer',
    ),
    comment: { pattern: /#.*/, greedy: true },
    symbol: { pattern: /(^|[^:]):[A-Za-z_]\w*/, lookbehind: true, alias: 'constant' },
    variable: /[@$]+\w+/,
  });
}

register();

export { Prism };
