/** File types the picker offers and the drop zone accepts. `.traj.json` is covered by `.json`. */
export const ACCEPTED_EXTENSIONS = ['.parquet', '.jsonl', '.ndjson', '.json', '.gz', '.traj', '.traj.json'] as const;

/** Value for `<input type="file" accept>`. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export function isAccepted(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export function unsupportedMessage(fileName: string): string {
  return `${fileName}: unsupported file type; open a .parquet, .jsonl, .json, .gz, .traj or .traj.json file`;
}
