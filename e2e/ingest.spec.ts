import { dataFiles, rowsIn, rowsInAll } from './support/datasetFacts';
import { datasetCard, expectLoaded, load, lookUp, plan } from './support/datasets';
import { expect, test } from './support/hub';

const SWE_ZERO = 'AlienKevin/SWE-ZERO-1k-trajectories-32k';
const OPEN_SWE = 'nvidia/Open-SWE-Traces';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('typing a dataset id shows its configs, splits and files, then loads them into the browser', async ({ page, hub }) => {
  const rows = await rowsInAll(dataFiles(`${SWE_ZERO}/data`));
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  const p = plan(page, SWE_ZERO);
  const split = p.getByRole('row').filter({ has: page.getByRole('checkbox', { name: 'Load default / train' }) });
  await expect(split.getByRole('cell')).toHaveText(['', 'default', 'train', /^2/, rows.toLocaleString('en-US'), /KB$/]);
  await expect(p).toContainText('configs from the dataset card');
  await load(page, SWE_ZERO);
  await expectLoaded(page, SWE_ZERO, rows);
});

test('loads only the chosen config × split', async ({ page, hub }) => {
  const rows = await rowsIn(`${OPEN_SWE}/data/sweagent/qwen35_122b/train-00000-of-00001.parquet`);
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await expect(plan(page, OPEN_SWE).getByRole('row')).toHaveCount(1 + 6);
  await load(page, OPEN_SWE, { only: ['sweagent / qwen35_122b'] });
  await expectLoaded(page, OPEN_SWE, rows);
  await expect(datasetCard(page, OPEN_SWE).getByText('1 file')).toBeVisible();
});

test('sample mode loads the first N rows of each split', async ({ page, hub }) => {
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await load(page, SWE_ZERO, { sample: 7 });
  await expectLoaded(page, SWE_ZERO, 7);
  await expect(datasetCard(page, SWE_ZERO)).toContainText('sample of 7 rows per split');
});

test('an unknown dataset, a bad id and an unknown revision get clear messages', async ({ page, hub }) => {
  await lookUp(page, 'nobody/nothing', { endpoint: hub.url });
  await expect(page.getByRole('alert')).toContainText('nobody/nothing');
  await expect(page.getByRole('alert')).toContainText(/not found/i);
  await lookUp(page, 'no-slash', { endpoint: hub.url });
  await expect(page.getByRole('alert')).toContainText('owner/name');
  await lookUp(page, SWE_ZERO, { endpoint: hub.url, revision: 'no-such-branch' });
  await expect(page.getByRole('alert')).toContainText('no-such-branch');
});

test('a loaded dataset survives a reload and can be deleted', async ({ page, hub }) => {
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await load(page, SWE_ZERO, { sample: 5 });
  await expectLoaded(page, SWE_ZERO, 5);
  await page.reload();
  await expectLoaded(page, SWE_ZERO, 5);
  await datasetCard(page, SWE_ZERO).getByRole('button', { name: 'Delete' }).click();
  await expect(datasetCard(page, SWE_ZERO)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Trajectory Explorer' })).toBeVisible();
  await expect(datasetCard(page, SWE_ZERO)).toHaveCount(0);
});

test('a plain URL to a parquet file loads that file', async ({ page, hub }) => {
  const file = `${OPEN_SWE}/data/sweagent/qwen35_122b/train-00000-of-00001.parquet`;
  const rows = await rowsIn(file);
  const url = `${hub.url}/datasets/${OPEN_SWE}/resolve/main/data/sweagent/qwen35_122b/train-00000-of-00001.parquet`;
  await lookUp(page, url, { endpoint: hub.url });
  await expect(plan(page, url)).toContainText('one file, read with range requests');
  await load(page, url, { full: true });
  await expectLoaded(page, url, rows);
});
