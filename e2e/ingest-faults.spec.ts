import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeHub, type FakeHub } from '../scripts/hub/fakeHub';
import { dataFiles, rowsInAll } from './support/datasetFacts';
import { datasetCard, expectLoaded, hubFolder, load, lookUp } from './support/datasets';
import { GENERATED_DIR } from './support/fixtures';
import { expect, test } from './support/hub';

const SWE_ZERO = 'AlienKevin/SWE-ZERO-1k-trajectories-32k';
const SWE_ZERO_JSONL = 'AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl';
const OPEN_SWE = 'nvidia/Open-SWE-Traces';

const hubs: FakeHub[] = [];
async function hubOver(root: string, opts: Parameters<typeof startFakeHub>[0] extends infer O ? Partial<O> : never = {}): Promise<FakeHub> {
  const hub = await startFakeHub({ root, ...opts });
  hubs.push(hub);
  return hub;
}
test.afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('a truncated shard gets a named error; the other shards load and nothing of it is half-written', async ({ page }) => {
  const broken = readFileSync(path.join(GENERATED_DIR, 'broken/truncated.parquet'));
  const root = hubFolder({ [SWE_ZERO]: SWE_ZERO }, { [`${SWE_ZERO}/data/train-00002-of-00003.parquet`]: broken });
  const hub = await hubOver(root);
  const good = await rowsInAll(dataFiles(`${SWE_ZERO}/data`));
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await load(page, SWE_ZERO, { full: true });
  const card = datasetCard(page, SWE_ZERO);
  await expect(card.getByRole('status', { name: 'State: Stopped' })).toBeVisible({ timeout: 30_000 });
  await expect(card.locator('.shard-errors')).toContainText('data/train-00002-of-00003.parquet');
  await expect(card.getByTestId('rows-done')).toHaveText(new RegExp(`^${good}\\b`));
});

test('a connection dropped mid-download is resumed: every row once, no duplicates', async ({ page, hub }) => {
  const rows = await rowsInAll(dataFiles(`${SWE_ZERO_JSONL}/data`));
  hub.setFaults({ failAfterBytes: { bytes: 20_000, times: 2, path: '/resolve/' } });
  await lookUp(page, SWE_ZERO_JSONL, { endpoint: hub.url });
  await load(page, SWE_ZERO_JSONL, { full: true });
  await expectLoaded(page, SWE_ZERO_JSONL, rows);
  expect(hub.requests.filter((r) => r.fault === 'cut')).toHaveLength(2);
});

test('server errors (5xx) are retried with backoff', async ({ page, hub }) => {
  const rows = await rowsInAll(dataFiles(`${OPEN_SWE}/data/sweagent/qwen35_122b`));
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  hub.setFaults({ status5xx: { status: 503, count: 3, path: '/resolve/' } });
  await load(page, OPEN_SWE, { only: ['sweagent / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, rows);
  expect(hub.requests.filter((r) => r.fault === 'status')).toHaveLength(3);
});

test('a reload in the middle of an ingest resumes it from the last committed batch', async ({ page, hub }) => {
  const rows = await rowsInAll(dataFiles(`${SWE_ZERO}/data`));
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await expect(page.getByRole('region', { name: `${SWE_ZERO} contents` })).toBeVisible();
  // Slow enough that the first shard is stored well before the second arrives.
  hub.setFaults({ throttle: 30_000 });
  await load(page, SWE_ZERO, { full: true });
  const card = datasetCard(page, SWE_ZERO);
  await expect(card.getByTestId('rows-done')).toHaveText(/^[1-9]/, { timeout: 30_000 });
  const before = Number((await card.getByTestId('rows-done').innerText()).split('/')[0]?.replace(/\D/g, ''));
  expect(before).toBeLessThan(rows);
  await page.reload();
  hub.setFaults({});
  await expectLoaded(page, SWE_ZERO, rows);
  await expect(datasetCard(page, SWE_ZERO)).toHaveCount(1);
});

test('a gated dataset asks for a token, loads with one, and never stores it', async ({ page }) => {
  const token = 'hf_e2eGatedToken123';
  const root = hubFolder({ 'acme/gated-trajectories': SWE_ZERO }, { 'acme/gated-trajectories/.gated': `${token}\n` });
  const hub = await hubOver(root);
  await lookUp(page, 'acme/gated-trajectories', { endpoint: hub.url });
  await expect(page.getByRole('alert')).toContainText(/gated.*token/i);
  await lookUp(page, 'acme/gated-trajectories', { endpoint: hub.url, token });
  await load(page, 'acme/gated-trajectories', { sample: 3 });
  await expectLoaded(page, 'acme/gated-trajectories', 3);
  const stored = await page.evaluate(async () => {
    const dump: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
        });
        dump.push(JSON.stringify(all));
      }
      db.close();
    }
    return dump.join('\n') + JSON.stringify(localStorage);
  });
  expect(stored).not.toContain(token);
  expect(page.url()).not.toContain(token);
});

test('when storage is full the ingest stops with a clear message and what is stored stays usable', async ({ page, hub }) => {
  const cdp = await page.context().newCDPSession(page);
  // Between the first batch and the whole fixture as Chromium counts them (it stores large values
  // compressed: the 48 rows, about 840 KB as text, fit in 600 KB).
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 300_000 });
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await load(page, OPEN_SWE, { full: true });
  const card = datasetCard(page, OPEN_SWE);
  await expect(card.getByRole('alert')).toContainText('Browser storage is full', { timeout: 30_000 });
  await expect(card.getByRole('status', { name: 'State: Paused' })).toBeVisible();
  const stored = Number((await card.getByTestId('rows-done').innerText()).split('/')[0]?.replace(/\D/g, ''));
  expect(stored).toBeGreaterThan(0);
  await page.reload();
  await expect(datasetCard(page, OPEN_SWE).getByTestId('rows-done')).toHaveText(new RegExp(`^${stored}\\b`));
});
