import { preview, type PreviewServer } from 'vite';
import { startFakeHub, type FakeHub, type RequestLog } from '../../scripts/hub/fakeHub';
import type { Builds } from './build';

/** Loopback ports of this benchmark (4420-4429 are reserved for it). */
export const PORTS = { app: 4420, page: 4421, hub: 4422, slowHub: 4423, harness: 4424 } as const;
/** 100 Mbit/s. */
export const SLOW_HUB_BYTES_PER_SEC = 12.5e6;

/** A request the slow Hub finished, with when (the runner's performance.now()). */
export interface TimedRequest extends RequestLog {
  doneAt: number;
}

export interface Servers {
  appUrl: string;
  pageUrl: string;
  harnessUrl: string;
  hub: FakeHub;
  /** The same repositories behind a 100 Mbit/s link. */
  slowHub: FakeHub;
  /** Every request the slow Hub finished, in order; (c) clears it before its run. */
  slowRequests: TimedRequest[];
  close(): Promise<void>;
}

export async function startServers(builds: Builds, dataRoot: string): Promise<Servers> {
  const started: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    const app = await serveBuild(builds.app, PORTS.app);
    started.push(() => app.close());
    const page = await serveBuild(builds.page, PORTS.page);
    started.push(() => page.close());
    const harness = await serveBuild(builds.harness, PORTS.harness);
    started.push(() => harness.close());
    const hub = await startFakeHub({ root: dataRoot, port: PORTS.hub });
    started.push(() => hub.close());
    const slowRequests: TimedRequest[] = [];
    const onRequest = (entry: RequestLog) => slowRequests.push({ ...entry, doneAt: performance.now() });
    const slowHub = await startFakeHub({ root: dataRoot, port: PORTS.slowHub, faults: { throttle: SLOW_HUB_BYTES_PER_SEC }, onRequest });
    started.push(() => slowHub.close());
    return { appUrl: `http://127.0.0.1:${PORTS.app}/`, pageUrl: `http://127.0.0.1:${PORTS.page}/`, harnessUrl: `http://127.0.0.1:${PORTS.harness}/`, hub, slowHub, slowRequests, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function serveBuild(outDir: string, port: number): Promise<{ close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { close: () => server.close() };
}
