import { dataFiles, rowsInAll } from './support/datasetFacts';
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

test('a link to a dataset that is not in this browser says so', async ({ page }) => {
  await page.goto('/#d=hub%7Chttps%3A%2F%2Fhuggingface.co%7Cnobody%2Fnothing%40main&t=x%231');
  await expect(page.getByRole('alert')).toContainText('not in this browser');
  await page.goto('/#m=oops');
  await expect(page.getByRole('alert')).toContainText('"oops" is not a message number');
});
