import { dataFiles, rowsInAll, rowsPerInstance } from './support/datasetFacts';
import { datasetCard, expectLoaded, load, lookUp } from './support/datasets';
import { expect, test } from './support/hub';
import type { Page } from '@playwright/test';

const SWE_ZERO = 'AlienKevin/SWE-ZERO-1k-trajectories-32k';
const OPEN_SWE = 'nvidia/Open-SWE-Traces';
const OPEN_SWE_SPLIT = `${OPEN_SWE}/data/openhands/qwen35_122b`;

/** Browses a loaded dataset and opens the first row of `instanceId` in the reader; returns its id. */
async function openRolloutOf(page: Page, label: string, instanceId: string): Promise<string> {
  await datasetCard(page, label).getByRole('button', { name: 'Browse' }).click();
  const row = page.getByRole('grid', { name: `Trajectories of ${label}` }).locator('[role=row][data-row-id]').filter({ hasText: instanceId }).first();
  const id = (await row.getAttribute('data-row-id')) as string;
  await row.dblclick();
  await expect(page.getByRole('region', { name: `Trajectory ${id}` }).locator('.thread')).toBeVisible();
  return id;
}

test('a rollout is compared side by side with another of its instance, threads and patches, and the link reopens it', async ({ page, hub, context }) => {
  const files = dataFiles(`${SWE_ZERO}/data`);
  const [instanceId, rollouts] = [...(await rowsPerInstance(files))].find(([, n]) => n >= 2) ?? [];
  expect(instanceId, 'an instance with two or more rollouts in the fixture').toBeDefined();
  await page.goto('/');
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await load(page, SWE_ZERO);
  await expectLoaded(page, SWE_ZERO, await rowsInAll(files));
  const a = await openRolloutOf(page, SWE_ZERO, instanceId as string);

  const reader = page.getByRole('region', { name: `Trajectory ${a}` });
  await reader.getByRole('button', { name: /^Compare/ }).click();
  const others = page.getByRole('region', { name: 'Other rollouts of this instance' }).getByRole('link');
  await expect(others).toHaveCount((rollouts as number) - 1);
  await expect(others.first().locator('.outcome')).toBeVisible();
  await expect(others.first()).toContainText(/msgs · ≈?[\d,]+ tokens/);
  await page.screenshot({ path: '/tmp/x/menu.png' });
  const b = (await others.nth(1).locator('.compare-item-id').textContent()) as string;
  expect(b).not.toBe(a);
  await others.nth(1).click();

  const compare = page.getByRole('region', { name: `Comparison of ${a} and ${b}` });
  await expect(compare.getByRole('region', { name: 'Thread of rollout A' }).locator('.thread')).toBeVisible();
  await expect(compare.getByRole('region', { name: 'Thread of rollout B' }).locator('.thread')).toBeVisible();
  await expect(compare.getByRole('group', { name: 'Rollout A' })).toContainText(a);
  await expect(compare.getByRole('group', { name: 'Rollout B' })).toContainText(b);

  await compare.getByRole('tab', { name: 'Patches' }).click();
  await expect(compare.getByLabel('Patch comparison summary')).toContainText(/only in A.*only in B/);
  await expect(compare.getByRole('table', { name: 'Files in the patches of A and B' }).locator('tbody tr').first()).toBeVisible();
  await expect(compare.getByRole('region', { name: 'Patch of rollout A' }).locator('.patch-view')).toBeVisible();
  await expect(compare.getByRole('region', { name: 'Patch of rollout B' }).locator('.patch-view')).toBeVisible();
  expect(decodeURIComponent(page.url())).toContain(`c=${b}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/x/patches.png' });

  const fresh = await context.newPage();
  await fresh.goto(page.url());
  const reopened = fresh.getByRole('region', { name: `Comparison of ${a} and ${b}` });
  await expect(reopened.getByRole('table', { name: 'Files in the patches of A and B' })).toBeVisible();
  await reopened.getByRole('tab', { name: 'Threads' }).click();
  await expect(reopened.locator('.compare-column .thread')).toHaveCount(2);
  await fresh.close();

  await compare.getByRole('button', { name: 'Back to the reader' }).click();
  await expect(reader.locator('.thread')).toBeVisible();
  expect(decodeURIComponent(page.url())).not.toContain('c=');
  await page.goBack();
  await expect(compare).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reader).toBeVisible();
});

test('a rollout whose instance has no other rollout in the dataset cannot be compared, and says why', async ({ page, hub }) => {
  const files = dataFiles(OPEN_SWE_SPLIT);
  const [instanceId] = [...(await rowsPerInstance(files))].find(([, n]) => n === 1) ?? [];
  expect(instanceId, 'an instance with a single rollout in the fixture split').toBeDefined();
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await load(page, OPEN_SWE, { only: ['openhands / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, await rowsInAll(files));
  const id = await openRolloutOf(page, OPEN_SWE, instanceId as string);
  const reader = page.getByRole('region', { name: `Trajectory ${id}` });
  await expect(reader.getByRole('button', { name: /^Compare/ })).toBeDisabled();
  await expect(reader).toContainText('No other rollouts of this instance in this dataset');
  await page.screenshot({ path: '/tmp/x/disabled.png' });
});
