import type { Locator } from '@playwright/test';
import { compareText } from '../src/core/query/order';
import { dataFiles, rawColumn, rowsInAll } from './support/datasetFacts';
import { datasetCard, expectLoaded, load, lookUp } from './support/datasets';
import { expect, test } from './support/hub';

const OPEN_SWE = 'nvidia/Open-SWE-Traces';
const SPLIT = `${OPEN_SWE}/data/openhands/qwen35_122b`;

test('a loaded dataset is browsed as a table; a row opens as a thread and a patch, and the link reopens it', async ({ page, hub, context }) => {
  const rows = await rowsInAll(dataFiles(SPLIT));
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await load(page, OPEN_SWE, { only: ['openhands / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, rows);
  await datasetCard(page, OPEN_SWE).getByRole('button', { name: 'Browse' }).click();

  const grid = page.getByRole('grid', { name: `Trajectories of ${OPEN_SWE}` });
  await expect(page.locator('.browse-count')).toContainText(`${rows} of ${rows} rows`);
  const first = grid.locator('[role=row][data-row-id]').first();
  const id = (await first.getAttribute('data-row-id')) as string;
  await first.dblclick();

  const reader = page.getByRole('region', { name: `Trajectory ${id}` });
  await expect(reader).toBeVisible();
  await expect(reader.locator('.thread')).toBeVisible();
  await reader.getByRole('tab', { name: 'Patch' }).click();
  await expect(reader.locator('.patch-view')).toBeVisible();
  expect(decodeURIComponent(page.url())).toContain(`t=${id}`);

  const link = page.url();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('region', { name: `Trajectory ${id}` }).locator('.patch-view')).toBeVisible();
  await fresh.close();

  await reader.getByRole('button', { name: 'Back to the table' }).click();
  await expect(grid).toBeVisible();
});

test("the dataset's own columns are offered hidden in the column picker; one shown holds its values and sorts the table", async ({ page, hub }) => {
  const files = dataFiles(SPLIT);
  const ids = (await rawColumn(files, 'trajectory_id')) as string[];
  const sorted = [...ids].sort(compareText);
  expect(ids.length).toBeGreaterThan(2);
  expect(sorted).not.toEqual(ids);
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await load(page, OPEN_SWE, { only: ['openhands / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, ids.length);
  await datasetCard(page, OPEN_SWE).getByRole('button', { name: 'Browse' }).click();
  const grid = page.getByRole('grid', { name: `Trajectories of ${OPEN_SWE}` });
  await expect(page.locator('.browse-count')).toContainText(`${ids.length} of ${ids.length} rows`);
  await expect(grid.getByRole('columnheader', { name: 'trajectory_id' })).toHaveCount(0);

  await page.getByRole('button', { name: /^Columns/ }).click();
  const raw = page.getByRole('group', { name: 'Dataset columns' });
  for (const key of ['trajectory_id', 'license', 'hf_dataset_name', 'tools']) await expect(raw.getByRole('checkbox', { name: key, exact: true })).not.toBeChecked();
  await raw.getByRole('checkbox', { name: 'trajectory_id', exact: true }).check();
  await raw.getByRole('checkbox', { name: 'tools', exact: true }).check();
  await page.keyboard.press('Escape');

  await expect.poll(() => columnTexts(grid, 'trajectory_id')).toEqual(ids);
  // Tool schemas are long JSON: the cell holds the first characters, marked as cut.
  const tools = grid.locator('[role=row][data-row-id]').first().locator('.browse-clipped');
  await expect(tools).toHaveText(/^\["\{\\"type\\":\\"function\\".*… \(cut\)$/);

  const header = grid.getByRole('columnheader', { name: 'trajectory_id' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => columnTexts(grid, 'trajectory_id')).toEqual(sorted);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => columnTexts(grid, 'trajectory_id')).toEqual([...sorted].reverse());

  // Shown raw columns are remembered like any other.
  await page.reload();
  await expect(grid).toBeVisible();
  await expect.poll(() => columnTexts(grid, 'trajectory_id')).toEqual(ids);
});

/** The texts of one column's cells, rows in view order. */
async function columnTexts(grid: Locator, label: string): Promise<(string | null)[]> {
  const labels = await grid.locator('[role=columnheader] .browse-th-label').allTextContents();
  const column = labels.findIndex((l) => l.trim() === label);
  if (column < 0) return [];
  return grid.locator('[role=row][data-row-id]').evaluateAll(
    (rows, c) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.querySelectorAll('[role=gridcell]')[c]?.textContent ?? null),
    column,
  );
}

test('a link to a dataset that is not in this browser says so', async ({ page }) => {
  await page.goto('/#d=hub%7Chttps%3A%2F%2Fhuggingface.co%7Cnobody%2Fnothing%40main&t=x%231');
  await expect(page.getByRole('alert')).toContainText('not in this browser');
  await page.goto('/#m=oops');
  await expect(page.getByRole('alert')).toContainText('"oops" is not a message number');
});
