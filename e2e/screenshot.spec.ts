import path from 'node:path';
import { test } from '@playwright/test';
import { expectedFor } from './support/expected';
import { FIXTURES } from './support/fixtures';
import { dropFiles, expectCardMatches, fileCard, openWithPicker } from './support/page';

/** Refreshes docs/screenshot.png (README). Opt-in: `SCREENSHOT=1 npx playwright test screenshot`. */
test('screenshot for the README', async ({ page }) => {
  test.skip(!process.env.SCREENSHOT, 'set SCREENSHOT=1 to refresh docs/screenshot.png');
  const [openSwe, malformed] = await Promise.all([expectedFor(FIXTURES.openSwe), expectedFor(FIXTURES.malformed)]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await openWithPicker(page, [FIXTURES.openSwe, FIXTURES.malformed]);
  await expectCardMatches(page, openSwe);
  await expectCardMatches(page, malformed);
  await dropFiles(page, [FIXTURES.truncated]);
  await fileCard(page, path.basename(FIXTURES.truncated)).getByRole('alert').waitFor();
  await page.screenshot({ path: path.resolve(import.meta.dirname, '..', 'docs', 'screenshot.png'), fullPage: true });
});
