import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bandwidth } from './bandwidth';
import { parseRange } from './byteRange';
import type { RepoFile, Snapshot } from './repoStore';

const CHUNK_BYTES = 64 * 1024;

export interface FileServing {
  bandwidth: Bandwidth;
  ignoreRange: boolean;
  /** Drop the connection after this many body bytes. */
  cutAfter?: number;
  /** Counts body bytes as they are written (for the request log). */
  onBytes: (n: number) => void;
}

/**
 * `GET|HEAD /datasets/<id>/resolve/<rev>/<path>`: the file, or the one byte range asked for
 * (206 with Content-Range; 416 when it cannot be served). The ETag is the content's hash
 * (sha256 for LFS files, the git blob id otherwise, as on the Hub), so it changes exactly when
 * the bytes do.
 */
export async function serveFile(req: IncomingMessage, res: ServerResponse, snapshot: Snapshot, file: RepoFile, how: FileServing): Promise<void> {
  const { size } = file.facts;
  res.setHeader('ETag', `"${file.facts.lfs ? file.facts.sha256 : file.facts.oid}"`);
  res.setHeader('X-Repo-Commit', snapshot.sha);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', contentType(file.path));
  const range = how.ignoreRange ? undefined : parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Range "${req.headers.range}" cannot be served from ${size} bytes`);
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const headers: Record<string, string | number> = { 'Content-Length': end - start + 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD' || end < start) {
    res.end();
    return;
  }
  await sendBody(res, file.abs, start, end, how);
}

async function sendBody(res: ServerResponse, abs: string, start: number, end: number, how: FileServing): Promise<void> {
  if (how.cutAfter === 0) {
    res.flushHeaders();
    res.destroy();
    return;
  }
  const handle = await open(abs, 'r');
  try {
    let position = start;
    let sent = 0;
    while (position <= end && !res.destroyed) {
      const length = Math.min(CHUNK_BYTES, end + 1 - position, how.cutAfter === undefined ? Infinity : how.cutAfter - sent);
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      if (bytesRead === 0) throw new Error(`${abs} ended at byte ${position} while being served (changed on disk?)`);
      await how.bandwidth.take(bytesRead);
      if (!(await write(res, chunk.subarray(0, bytesRead)))) return;
      how.onBytes(bytesRead);
      position += bytesRead;
      sent += bytesRead;
      if (sent === how.cutAfter) {
        res.destroy();
        return;
      }
    }
    res.end();
  } finally {
    await handle.close();
  }
}

/** Resolves once the chunk is handed to the socket (true), or the client has gone (false). */
function write(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const gone = () => resolve(false);
    res.once('close', gone);
    res.write(chunk, (err) => {
      res.off('close', gone);
      resolve(!err);
    });
  });
}

function contentType(path: string): string {
  if (/\.(md|txt)$/i.test(path)) return 'text/plain; charset=utf-8';
  if (/\.jsonl?$/i.test(path)) return 'application/json';
  return 'application/octet-stream';
}
