import type { Page } from '@playwright/test';
import { comparePatches } from '../src/features/diff/comparePatches';
import { dataFiles, rollouts, rowsInAll, type RolloutFact } from './support/datasetFacts';
import { datasetCard, expectLoaded, load, lookUp } from './support/datasets';
import { expect, test } from './support/hub';

const SWE_ZERO = 'AlienKevin/SWE-ZERO-1k-trajectories-32k';
const OPEN_SWE = 'nvidia/Open-SWE-Traces';
const OPEN_SWE_SPLIT = `${OPEN_SWE}/data/openhands/qwen35_122b`;

/** Browses a loaded dataset and opens the row whose id ends with `idSuffix` in the reader; returns its id. */
async function openRollout(page: Page, label: string, idSuffix: string): Promise<string> {
  await datasetCard(page, label).getByRole('button', { name: 'Browse' }).click();
  const row = page.getByRole('grid', { name: `Trajectories of ${label}` }).locator(`[role=row][data-row-id$="${idSuffix}"]`);
  const id = (await row.getAttribute('data-row-id')) as string;
  await row.dblclick();
  await expect(page.getByRole('region', { name: `Trajectory ${id}` }).locator('.thread')).toBeVisible();
  return id;
}

const sameInstance = (facts: RolloutFact[], instanceId: string | undefined) => facts.filter((f) => f.instanceId === instanceId);

test('a rollout is compared side by side with another of its instance, threads and patches, and the link reopens it', async ({ page, hub, context }) => {
  const files = dataFiles(`${SWE_ZERO}/data`);
  const facts = await rollouts(SWE_ZERO, files);
  // Two rollouts of one instance that both have a patch: the patches tab then has files to relate.
  const patched = facts.filter((f) => f.patch);
  const first = patched.find((f) => patched.filter((g) => g.instanceId === f.instanceId).length >= 2);
  expect(first, 'an instance with two patched rollouts in the fixture').toBeDefined();
  const [factA, factB] = patched.filter((f) => f.instanceId === first?.instanceId) as [RolloutFact, RolloutFact];
  const expected = comparePatches(factA.patch, factB.patch);

  await page.goto('/');
  await lookUp(page, SWE_ZERO, { endpoint: hub.url });
  await load(page, SWE_ZERO);
  await expectLoaded(page, SWE_ZERO, await rowsInAll(files));
  const a = await openRollout(page, SWE_ZERO, factA.idSuffix);

  const reader = page.getByRole('region', { name: `Trajectory ${a}` });
  await reader.getByRole('button', { name: /^Compare/ }).click();
  const others = page.getByRole('region', { name: 'Other rollouts of this instance' }).getByRole('link');
  await expect(others).toHaveCount(sameInstance(facts, factA.instanceId).length - 1);
  await expect(others.first().locator('.outcome')).toBeVisible();
  await expect(others.first()).toContainText(/[\d,]+ msgs · ≈?[\d,]+ tokens/);
  const linkToB = others.filter({ has: page.locator(`[data-id$="${factB.idSuffix}"]`) });
  const b = (await linkToB.locator('[data-id]').getAttribute('data-id')) as string;
  await linkToB.click();

  const compare = page.getByRole('region', { name: `Comparison of ${a} and ${b}` });
  await expect(compare.getByRole('region', { name: 'Thread of rollout A' }).locator('.thread')).toBeVisible();
  await expect(compare.getByRole('region', { name: 'Thread of rollout B' }).locator('.thread')).toBeVisible();
  await expect(compare.getByRole('group', { name: 'Rollout A' }).locator('[data-id]')).toHaveAttribute('data-id', a);
  await expect(compare.getByRole('group', { name: 'Rollout B' }).locator('[data-id]')).toHaveAttribute('data-id', b);

  await compare.getByRole('tab', { name: 'Patches' }).click();
  const summary = compare.getByLabel('Patch comparison summary');
  await expect(summary).toContainText(`${expected.same} `);
  await expect(summary).toContainText(`${expected.onlyA} ${expected.onlyA === 1 ? 'file' : 'files'} only in A`);
  await expect(summary).toContainText(`${expected.onlyB} ${expected.onlyB === 1 ? 'file' : 'files'} only in B`);
  const table = compare.getByRole('table', { name: 'Files in the patches of A and B' });
  await expect(table.locator('tbody tr')).toHaveCount(expected.files.length);
  for (const f of expected.files) {
    await expect(table.locator(`tr[data-path="${f.path}"] .relation`)).toHaveText(f.a && f.b ? (f.same ? 'same' : 'differs') : f.a ? 'only in A' : 'only in B');
  }
  await expect(compare.getByRole('region', { name: 'Patch of rollout A' }).locator('.patch-view')).toBeVisible();
  await expect(compare.getByRole('region', { name: 'Patch of rollout B' }).locator('.patch-view')).toBeVisible();
  expect(decodeURIComponent(page.url())).toContain(`c=${b}`);

  const fresh = await context.newPage();
  await fresh.goto(page.url());
  const reopened = fresh.getByRole('region', { name: `Comparison of ${a} and ${b}` });
  await expect(reopened.getByRole('table', { name: 'Files in the patches of A and B' }).locator('tbody tr')).toHaveCount(expected.files.length);
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
  const facts = await rollouts(OPEN_SWE, files);
  const single = facts.find((f) => f.instanceId !== undefined && sameInstance(facts, f.instanceId).length === 1);
  expect(single, 'an instance with a single rollout in the fixture split').toBeDefined();
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await load(page, OPEN_SWE, { only: ['openhands / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, await rowsInAll(files));
  const id = await openRollout(page, OPEN_SWE, (single as RolloutFact).idSuffix);
  const reader = page.getByRole('region', { name: `Trajectory ${id}` });
  const control = reader.getByRole('button', { name: /^Compare/ });
  await expect(control).toBeDisabled();
  await expect(control).toHaveAttribute('title', 'No other rollouts of this instance in this dataset');
  await expect(reader.locator('.compare-reason')).toHaveText('No other rollouts');
});
