import path from 'node:path';
import { datasetCard, expectLoaded, load, lookUp } from './support/datasets';
import { dataFiles, rowsInAll } from './support/datasetFacts';
import { test } from './support/hub';

const DOCS = path.resolve(import.meta.dirname, '..', 'docs');
const OPEN_SWE = 'nvidia/Open-SWE-Traces';

/** Refreshes the README's pictures in docs/. Opt-in: `SCREENSHOT=1 npx playwright test screenshot`. */
test('screenshots for the README', async ({ page, hub }) => {
  test.skip(!process.env.SCREENSHOT, 'set SCREENSHOT=1 to refresh the screenshots in docs/');
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hub.url });
  await page.screenshot({ path: path.join(DOCS, 'plan.png') });
  await load(page, OPEN_SWE, { full: true });
  await expectLoaded(page, OPEN_SWE, await rowsInAll(['openhands', 'sweagent', 'minisweagent'].flatMap((h) => ['minimax_m25', 'qwen35_122b'].flatMap((m) => dataFiles(`${OPEN_SWE}/data/${h}/${m}`)))));
  await datasetCard(page, OPEN_SWE).getByRole('button', { name: 'Browse' }).click();
  const grid = page.getByRole('grid', { name: `Trajectories of ${OPEN_SWE}` });
  await grid.locator('[role=row][data-row-id]').first().waitFor();
  await page.locator('.browse-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(DOCS, 'screenshot.png') });
  await grid.locator('[role=row][data-row-id]').nth(2).dblclick();
  await page.locator('.thread').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(DOCS, 'thread.png') });
  await page.getByRole('tab', { name: 'Patch' }).click();
  await page.locator('.patch-view').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DOCS, 'patch.png') });
});
