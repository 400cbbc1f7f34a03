/**
 * A data_files glob as HF resolves it (fsspec ≥ 2023.12, like Python's glob): `*` and `?` stay
 * inside one path segment, `**` spans segments (`a/**\/b` also matches `a/b`), `[...]` is a
 * character class (`[!...]` negated). Matched against whole repository paths.
 */
function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        out += characterClass(pattern.slice(i + 1, close));
        i = close;
      }
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

/**
 * HF skips hidden files and folders (a segment starting with `.`) unless the pattern names
 * hidden segments itself.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regex = globToRegExp(pattern);
  const hidden = hiddenSegments(pattern);
  return (path) => hiddenSegments(path) <= hidden && regex.test(path);
}

function hiddenSegments(path: string): number {
  return path.split('/').filter((s) => s.startsWith('.') && !/^\.+$/.test(s)).length;
}

function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = (negated ? body.slice(1) : body).replace(/[\\\]]/g, '\\$&');
  // A class never matches the separator, as in glob.
  return negated ? `[^/${chars}]` : `[${chars}]`;
}

function escape(c: string): string {
  return /[.+^${}()|\\/]/.test(c) ? `\\${c}` : c;
}
