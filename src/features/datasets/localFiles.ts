/** Local files as the dataset worker takes them: each with its path inside the chosen folder. */
import { isAccepted } from '../../core/acceptedFiles';
import type { LocalFile } from '../../../workers/datasetsApi';

/** Files from an `<input type="file">` (a folder pick sets their relative paths). */
export function pickedFiles(list: FileList | null): LocalFile[] {
  return [...(list ?? [])].map((file) => ({ path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file })).filter((f) => isAccepted(f.path));
}

/** Files of a drop, walking dropped folders (the File System entries API), trajectory files only. */
export async function droppedFiles(transfer: DataTransfer): Promise<LocalFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return pickedFiles(transfer.files);
  const out: LocalFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out.filter((f) => isAccepted(f.path));
}

async function walk(entry: FileSystemEntry, out: LocalFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands a directory over in pages until it returns an empty one.
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (page.length === 0) return;
    for (const child of page) await walk(child, out);
  }
}

/** A dropped or picked folder is named after itself; loose files after the first of them. */
export function localLabel(files: LocalFile[]): string {
  const first = files[0] as LocalFile;
  const top = first.path.split('/');
  if (top.length > 1) return top[0] as string;
  return files.length === 1 ? first.path : `${first.path} and ${files.length - 1} more`;
}
