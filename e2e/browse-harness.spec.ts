/**
 * The trajectory table over a real store: the harness page (e2e/harness/browse.html) seeds the
 * browser's IndexedDB with rows the core derives from the generated fixtures, and the table reads
 * them through the query worker. What a view must show is computed in the page from a table
 * loaded from scratch (harness.reference), never hard-coded.
 *
 * Run: npx playwright test e2e/browse-harness.spec.ts (the `harness` project serves it from the dev server).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FilterSpec, SortSpec } from '../src/core/query';
import './harness/harnessApi';
import { expect, test } from './support/test';


const count = (n: number) => n.toLocaleString('en-US');

async function openHarness(page: Page, query: string, rows: number): Promise<void> {
  await page.goto(`/e2e/harness/browse.html?${query}`);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate(() => window.harness.ready);
  await expect(page.locator('.browse-count')).toContainText(`${count(rows)} of ${count(rows)} rows`, { timeout: 30_000 });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Trajectories' });
/** A column header by its label; a multi-sort key adds ", sort key n" to its name. */
const header = (page: Page, name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*, sort key \\d+)?$`) });
const sortButton = (page: Page, name: string) => header(page, name).getByRole('button');

/** The rows in the DOM, as view position → id. */
async function shownRows(page: Page): Promise<[number, string][]> {
  const rows = await grid(page)
    .locator('[role=row][data-row-id]')
    .evaluateAll((els) => els.map((e): [number, string] => [Number(e.getAttribute('aria-rowindex')) - 2, e.getAttribute('data-row-id') ?? '']));
  return rows.sort((a, b) => a[0] - b[0]);
}

async function reference(page: Page, sort: SortSpec, limit: number, filter?: FilterSpec): Promise<string[]> {
  return (await page.evaluate(([s, n, f]) => window.harness.reference(s, n, f), [sort, limit, filter] as const)).ids;
}

/** Every row on screen (at least `atLeast` of them) is the row the reference puts at its position. */
async function expectView(page: Page, sort: SortSpec, atLeast = 15, filter?: FilterSpec): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await shownRows(page);
      const expected = await reference(page, sort, (shown.at(-1)?.[0] ?? 0) + 1, filter);
      return shown.length >= atLeast && shown.every(([position, id]) => expected[position] === id);
    })
    .toBe(true);
}

const selectedRow = (page: Page) => grid(page).locator('[role=row][aria-selected=true]');
const status = (page: Page) => page.getByTestId('harness-status');

async function inViewport(scroller: Locator, row: Locator): Promise<boolean> {
  const [box, outer] = await Promise.all([row.boundingBox(), scroller.boundingBox()]);
  return !!box && !!outer && box.y >= outer.y && box.y + box.height <= outer.y + outer.height + 1;
}

test('sorts in the query worker by header clicks, shift-click adding keys', async ({ page }) => {
  await openHarness(page, 'rows=3000&batch=250', 3000);
  await expectView(page, []);

  await sortButton(page, 'Tokens').click();
  await expect(header(page, 'Tokens')).toHaveAttribute('aria-sort', 'descending');
  await expectView(page, [{ column: 'tokens', desc: true }]);

  await sortButton(page, 'Tokens').click();
  await expect(header(page, 'Tokens')).toHaveAttribute('aria-sort', 'ascending');
  await expectView(page, [{ column: 'tokens', desc: false }]);

  await sortButton(page, 'Agent').click({ modifiers: ['Shift'] });
  await expect(header(page, 'Agent')).toHaveAttribute('aria-sort', 'ascending');
  await expect(sortButton(page, 'Agent')).toHaveAccessibleName('Agent , sort key 2');
  await expectView(page, [
    { column: 'tokens', desc: false },
    { column: 'agent', desc: false },
  ]);

  // Without a selection to keep in view, a new order starts at its top.
  await grid(page).evaluate((e) => (e.scrollTop = 20_000));
  await expect.poll(async () => (await shownRows(page))[0]?.[0] ?? 0).toBeGreaterThan(500);
  await sortButton(page, 'Instance').click();
  await expect(header(page, 'Tokens')).not.toHaveAttribute('aria-sort');
  await expect.poll(() => grid(page).evaluate((e) => e.scrollTop)).toBe(0);
  await expectView(page, [{ column: 'instanceId', desc: false }]);
  await sortButton(page, 'Instance').click();
  await expectView(page, [{ column: 'instanceId', desc: true }]);
  await sortButton(page, 'Instance').click();
  await expect(header(page, 'Instance')).not.toHaveAttribute('aria-sort');
  await expectView(page, []);
});

test('shows and hides columns from the picker, resizes by dragging, and remembers both', async ({ page }) => {
  await openHarness(page, 'rows=400&batch=100', 400);
  await expect(header(page, 'Repo')).toBeVisible();
  await expect(header(page, 'Churn')).toHaveCount(0);
  const picker = page.getByRole('button', { name: /^Columns/ });
  await picker.click();
  await page.getByRole('checkbox', { name: 'Repo' }).uncheck();
  await page.getByRole('checkbox', { name: 'Churn' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Shown columns' })).toHaveCount(0);
  await expect(picker).toBeFocused();
  await expect(header(page, 'Repo')).toHaveCount(0);
  await expect(header(page, 'Churn')).toBeVisible();
  const firstRow = grid(page).locator('[role=row][aria-rowindex="2"]');
  await expect(firstRow.getByRole('gridcell')).toHaveCount(await page.getByRole('columnheader').count());

  const instance = header(page, 'Instance');
  const before = (await instance.boundingBox())?.width ?? 0;
  const grip = instance.locator('.browse-resizer');
  const at = await grip.boundingBox();
  if (!at) throw new Error('no resize grip');
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 90, at.y + at.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await instance.boundingBox())?.width ?? 0)).toBe(Math.round(before + 90));
  const cell = firstRow.getByRole('gridcell').nth(1);
  await expect.poll(async () => Math.round((await cell.boundingBox())?.width ?? 0)).toBe(Math.round(before + 90));

  await page.waitForTimeout(400); // preferences are saved once resizing settles
  await openHarness(page, 'rows=400&batch=100', 400);
  await expect(header(page, 'Repo')).toHaveCount(0);
  await expect(header(page, 'Churn')).toBeVisible();
  expect(Math.round((await header(page, 'Instance').boundingBox())?.width ?? 0)).toBe(Math.round(before + 90));

  await page.getByRole('button', { name: /^Columns/ }).click();
  await page.getByRole('button', { name: 'Reset columns' }).click();
  await expect(header(page, 'Repo')).toBeVisible();
  await expect(header(page, 'Churn')).toHaveCount(0);
});

test('moves the selection with j/k and the arrow keys, opens with Enter, clears with Esc', async ({ page }) => {
  await openHarness(page, 'rows=1500&batch=250', 1500);
  const ids = await reference(page, [], 1500);
  const table = grid(page);
  await table.focus();
  await page.keyboard.press('j');
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[0] as string);
  await expect(status(page)).toContainText(`selected: ${ids[0]}`);
  await expect(table).toHaveAttribute('aria-activedescendant', (await selectedRow(page).getAttribute('id')) ?? '');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('k');
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[1] as string);
  await page.keyboard.press('ArrowUp');
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[0] as string);

  await page.keyboard.press('End');
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[1499] as string);
  expect(await inViewport(table, selectedRow(page))).toBe(true);
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Number(await selectedRow(page).getAttribute('aria-rowindex'))).toBeLessThan(1490);
  expect(await inViewport(table, selectedRow(page))).toBe(true);
  await page.keyboard.press('Home');
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[0] as string);
  expect(await inViewport(table, selectedRow(page))).toBe(true);

  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText(`opened: ${ids[0]}`);
  await page.keyboard.press('Escape');
  await expect(selectedRow(page)).toHaveCount(0);
  await expect(status(page)).toContainText('selected: —');
  await expect(table).not.toHaveAttribute('aria-activedescendant');

  // A click selects and focuses the grid; a double click opens.
  await table.locator('[role=row][aria-rowindex="3"]').click();
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', ids[1] as string);
  await expect(table).toBeFocused();
  await table.locator('[role=row][aria-rowindex="4"]').dblclick();
  await expect(status(page)).toContainText(`opened: ${ids[2]}`);
});

test('keeps the row chosen by the app selected and in view, across sorts', async ({ page }) => {
  await openHarness(page, 'rows=3000&batch=500', 3000);
  const ids = await reference(page, [], 3000);
  const target = ids[2200] as string;
  await page.evaluate((id) => window.harness.select(id), target);
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', target);
  expect(await inViewport(grid(page), selectedRow(page))).toBe(true);

  await sortButton(page, 'Tokens').click();
  const sorted = await reference(page, [{ column: 'tokens', desc: true }], 3000);
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', String(sorted.indexOf(target) + 2));
  await expect.poll(() => inViewport(grid(page), selectedRow(page))).toBe(true);
});

test('shows only the rows the filter keeps, with their count, and says when none match', async ({ page }) => {
  await openHarness(page, 'rows=2000&batch=250', 2000);
  const resolved: FilterSpec = { values: { outcome: ['resolved'] }, ranges: { nMessages: { min: 4 } } };
  const { matched } = await page.evaluate((f) => window.harness.reference([], 1, f), resolved);
  expect(matched).toBeGreaterThan(20);
  expect(matched).toBeLessThan(2000);
  await page.evaluate((f) => window.harness.setFilter(f), resolved);
  await expect(page.locator('.browse-count')).toContainText(`${count(matched)} of 2,000 rows`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(matched + 1));
  await sortButton(page, 'Tokens').click();
  await expectView(page, [{ column: 'tokens', desc: true }], 15, resolved);
  await expect(grid(page).locator('.browse-badge').filter({ hasNotText: /^resolved$/ })).toHaveCount(0);

  await page.evaluate(() => window.harness.setFilter({ search: 'no such instance anywhere' }));
  await expect(page.locator('.browse-count')).toContainText('0 of 2,000 rows');
  await expect(page.getByRole('note')).toContainText('No rows match the filter');
});

test('fills in while rows are stored and exact tokens land, from the empty state on', async ({ page }) => {
  await openHarness(page, 'rows=0&batch=50', 0);
  await expect(page.getByRole('note')).toContainText('Rows appear here as they are stored.');

  await page.evaluate(() => window.harness.addRows(120));
  await expect(page.locator('.browse-count')).toHaveText('120 of 120 rows · exact tokens pending for 120');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expectView(page, []);
  const tokenCells = grid(page).locator('.browse-estimate');
  await expect(tokenCells.first()).toContainText('≈');

  await grid(page).focus();
  await page.keyboard.press('j');
  const first = await selectedRow(page).getAttribute('data-row-id');
  await sortButton(page, 'Messages').click();
  await page.evaluate(() => window.harness.addRows(230));
  await expect(page.locator('.browse-count')).toContainText('350 of 350 rows');
  await expectView(page, [{ column: 'nMessages', desc: true }]);
  await expect(selectedRow(page)).toHaveAttribute('data-row-id', first ?? '');
  await expect.poll(() => inViewport(grid(page), selectedRow(page))).toBe(true);

  await page.evaluate(() => window.harness.countTokens());
  await expect(page.locator('.browse-count')).toHaveText('350 of 350 rows');
  await expect(tokenCells).toHaveCount(0);
  await sortButton(page, 'Tokens').click();
  await expectView(page, [{ column: 'tokens', desc: true }]);
});

test('keeps the DOM small and scrolls anywhere in 200k rows', async ({ playwright, baseURL }) => {
  test.setTimeout(360_000);
  // Storing 200k rows takes a minute or more: they are kept in a browser profile between runs.
  const profile = path.join(tmpdir(), `trajectory-explorer-browse-200k-${new URL(baseURL ?? 'http://x').port}`);
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    viewport: { width: 1280, height: 860 },
    baseURL,
  });
  const problems: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await openHarness(page, 'rows=200000&batch=2000&keep=1', 200_000);
    const rows = grid(page).locator('.browse-body [role=row]');
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '200001');
    await expect(rows.first()).toHaveAttribute('data-row-id');
    expect(await rows.count()).toBeLessThan(60);

    await grid(page).evaluate((e) => (e.scrollTop = 3_400_000));
    await expect.poll(async () => Number(await grid(page).locator('[role=row][data-row-id]').first().getAttribute('aria-rowindex'))).toBeGreaterThan(99_000);
    expect(await rows.count()).toBeLessThan(60);

    const started = Date.now();
    await sortButton(page, 'Tokens').click();
    await expect(header(page, 'Tokens')).toHaveAttribute('aria-sort', 'descending');
    await grid(page).focus();
    await page.keyboard.press('Home');
    await expectView(page, [{ column: 'tokens', desc: true }], 10);
    test.info().annotations.push({ type: 'sort by tokens, shown and checked against the reference', description: `${Date.now() - started} ms` });

    await page.keyboard.press('End');
    await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', '200001');
    expect(await inViewport(grid(page), selectedRow(page))).toBe(true);
    expect(await rows.count()).toBeLessThan(60);

    const timings = await page.evaluate(() => window.harness.measure(2000));
    for (const [what, ms] of Object.entries(timings)) test.info().annotations.push({ type: what, description: `${ms} ms` });
    console.log(`query worker at 200k rows:\n${Object.entries(timings).map(([what, ms]) => `  ${what}: ${ms} ms`).join('\n')}`);
  } finally {
    await context.close();
  }
  expect(problems, 'errors in the page').toEqual([]);
});
