/** A patch of many files, one of them large, for the diff view: files appear as the reader scrolls, the large one collapsed. */
const LANGUAGES = ['py', 'ts', 'go', 'rs', 'java', 'c', 'rb', 'php'];

function fileDiff(path: string, changes: number): string {
  const lines = [`diff --git a/${path} b/${path}`, 'index 1234567..89abcde 100644', `--- a/${path}`, `+++ b/${path}`, `@@ -1,${changes + 6} +1,${changes + 6} @@`];
  lines.push(' // header', ' import x from "y";', ' ');
  for (let i = 0; i < changes; i++) {
    lines.push(`-const value${i} = compute(${i}); // old`);
    lines.push(`+const value${i} = compute(${i} + 1); // new`);
  }
  lines.push(' ', ' export default x;', ' // end');
  return lines.join('\n');
}

export function bigPatch(files: number): string {
  const parts: string[] = [];
  for (let f = 0; f < files; f++) parts.push(fileDiff(`src/module${f}/file${f}.${LANGUAGES[f % LANGUAGES.length]}`, 20 + (f % 7) * 5));
  parts.push(fileDiff('src/generated/huge_table.py', 1200));
  return `${parts.join('\n')}\n`;
}
