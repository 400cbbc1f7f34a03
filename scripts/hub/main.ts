// The fake Hub as a process, for the app in a browser, e2e tests and benchmarks:
//   npx tsx scripts/hub/main.ts <folder> [--port N] [--throttle 100mbit] [--latency MS] [--page-size N] [--token hf_...]
// Prints http://127.0.0.1:PORT as its first stdout line, then one line per request; serves until killed.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseRate } from './bandwidth';
import { startFakeHub, type FakeHubOptions, type RequestLog } from './fakeHub';

const USAGE = 'usage: tsx scripts/hub/main.ts <folder> [--port N] [--throttle RATE, e.g. 100mbit] [--latency MS] [--page-size N] [--token hf_... (repeatable)] [--quiet]';

interface Args {
  options: FakeHubOptions;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  const options: FakeHubOptions = { root: '', tokens: [], faults: {} };
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') options.port = count(value(), flag);
    else if (flag === '--throttle') options.faults = { ...options.faults, throttle: parseRate(value()) };
    else if (flag === '--latency') options.faults = { ...options.faults, latencyMs: count(value(), flag) };
    else if (flag === '--page-size') options.pageSize = count(value(), flag);
    else if (flag === '--token') options.tokens?.push(value());
    else if (flag === '--quiet') quiet = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag.startsWith('--') || options.root) fail(`unknown argument: ${flag}`);
    else options.root = path.resolve(flag);
  }
  if (!options.root) fail('which folder should it serve?');
  if (!existsSync(options.root) || !statSync(options.root).isDirectory()) fail(`${options.root} is not a folder`);
  return { options, quiet };
}

function count(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) fail(`${flag} takes a whole number, not "${text}"`);
  return Number(text);
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const onRequest = (r: RequestLog) => console.log(`${r.method} ${r.url} ${r.status}${r.range ? ` ${r.range}` : ''} ${r.bytes} B${r.fault ? ` (fault: ${r.fault})` : ''}`);
  const hub = await startFakeHub({ ...args.options, ...(args.quiet ? {} : { onRequest }) });
  console.log(hub.url);
  const stop = () => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
