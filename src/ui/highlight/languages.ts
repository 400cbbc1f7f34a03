/** Which Prism grammar reads a file or a fenced code block. */

const BY_EXTENSION: Record<string, string> = {
  py: 'python', pyi: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'jsx',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx',
  go: 'go', rs: 'rust', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp',
  java: 'java', kt: 'kotlin', kts: 'kotlin', swift: 'swift', m: 'objectivec', php: 'php', rb: 'ruby',
  json: 'json', yml: 'yaml', yaml: 'yaml', md: 'markdown', sql: 'sql', css: 'css', scss: 'css',
  html: 'markup', xml: 'markup', svg: 'markup', sh: 'bash', bash: 'bash', zsh: 'bash', graphql: 'graphql',
};

const ALIASES: Record<string, string> = {
  py: 'python', python3: 'python', js: 'javascript', node: 'javascript', ts: 'typescript', rs: 'rust',
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', mswea_bash_command: 'bash', golang: 'go',
  'c++': 'cpp', kt: 'kotlin', rb: 'ruby', yml: 'yaml', md: 'markdown', html: 'markup', xml: 'markup',
};

/** The grammar for a path's extension; undefined for files we do not highlight. */
export function languageForPath(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return base === 'Makefile' || base === 'Dockerfile' ? 'bash' : undefined;
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()];
}

/** The grammar named by a fence's info string (```py, ```bash ...). */
export function languageForFence(info: string | undefined): string | undefined {
  if (!info) return undefined;
  const name = info.trim().split(/\s/, 1)[0]?.toLowerCase() ?? '';
  return ALIASES[name] ?? (Object.values(BY_EXTENSION).includes(name) ? name : undefined);
}
