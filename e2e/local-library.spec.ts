import path from 'node:path';
import { expectedFor } from './support/expected';
import { datasetCard, expectLoaded } from './support/datasets';
import { FIXTURES, GENERATED_DIR } from './support/fixtures';
import { dropFiles } from './support/page';
import { expect, test } from './support/test';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('local files added to the library are stored and stay after a reload', async ({ page }) => {
  const [a, b] = await Promise.all([expectedFor(FIXTURES.miniSwe), expectedFor(FIXTURES.openSwe)]);
  await page.getByLabel('Add files to the library').setInputFiles([FIXTURES.miniSwe, FIXTURES.openSwe]);
  const label = `${path.basename(FIXTURES.miniSwe)} and 1 more`;
  await expectLoaded(page, label, a.rowCount + b.rowCount);
  await page.reload();
  await expectLoaded(page, label, a.rowCount + b.rowCount);
});

test('a folder added to the library loads every trajectory file in it', async ({ page }) => {
  const folder = path.join(GENERATED_DIR, 'local', 'swe-agent');
  await page.getByLabel('Add a folder to the library').setInputFiles(folder);
  const card = datasetCard(page, 'swe-agent');
  await expect(card.getByRole('status', { name: 'State: Loaded' })).toBeVisible({ timeout: 30_000 });
  await card.getByText(/^\d+ files$/).click();
  await expect(card.locator('.shard-table tbody tr')).toHaveCount(4);
  await expect(card.getByTestId('rows-done')).toHaveText(/^4\b/);
});

test('files dropped on the library area are stored, not opened for a quick look', async ({ page }) => {
  const expected = await expectedFor(FIXTURES.openSwe);
  await dropFiles(page, [FIXTURES.openSwe], page.getByRole('group', { name: 'Add local files to the library' }));
  await expectLoaded(page, path.basename(FIXTURES.openSwe), expected.rowCount);
  await expect(page.getByRole('region', { name: path.basename(FIXTURES.openSwe), exact: true })).toHaveCount(0);
});
