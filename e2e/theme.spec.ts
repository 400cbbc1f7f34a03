/**
 * Dark mode: the page follows the system colour scheme, the header toggle overrides it and the
 * choice survives a reload, and a trajectory's table, thread and patch stay readable in both.
 */
import type { Locator, Page } from '@playwright/test';
import { dataFiles, rollouts } from './support/datasetFacts';
import { datasetCard, expectLoaded, load, lookUp } from './support/datasets';
import { expect, test } from './support/hub';

const OPEN_SWE = 'nvidia/Open-SWE-Traces';
const SPLIT = `${OPEN_SWE}/data/openhands/qwen35_122b`;
/** WCAG AA for body text. */
const MIN_CONTRAST = 4.5;

/** Relative luminance (WCAG) of the page background, 0 (black) to 1 (white). */
async function pageLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    // The canvas resolves any CSS colour syntax (rgb(), color(srgb ...), oklch()) to pixels.
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3), (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
  });
}

/**
 * The lowest text/background contrast ratio over the elements with their own text under `root`
 * (up to `limit` of them), each against the first opaque background behind it.
 */
async function lowestContrast(root: Locator, limit = 200): Promise<{ ratio: number; sample: string }> {
  return root.evaluate((el, max) => {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    const rgba = (css: string): number[] => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      return Array.from(probe.getImageData(0, 0, 1, 1).data);
    };
    const luminance = ([r, g, b]: number[]) =>
      [r, g, b].map((v) => {
        const c = (v as number) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }).reduce((sum, c, k) => sum + c * ([0.2126, 0.7152, 0.0722][k] as number), 0);
    const backgroundOf = (node: Element): number[] => {
      for (let at: Element | null = node; at; at = at.parentElement) {
        const bg = rgba(getComputedStyle(at).backgroundColor);
        if ((bg[3] as number) > 200) return bg;
      }
      return rgba(getComputedStyle(document.body).backgroundColor);
    };
    const texts = [el, ...el.querySelectorAll('*')].filter((n) => [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim()) && (n as HTMLElement).offsetParent !== null);
    let lowest = { ratio: Infinity, sample: '' };
    for (const node of texts.slice(0, max)) {
      const color = getComputedStyle(node).color;
      const behind = backgroundOf(node);
      const fg = luminance(rgba(color));
      const bg = luminance(behind);
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, sample: `${node.tagName.toLowerCase()}.${node.className} "${node.textContent?.slice(0, 40)}": ${color} on rgba(${behind.join(', ')})` };
    }
    return lowest;
  }, limit);
}

/** Table, thread and patch of a rollout with a patch keep body-text contrast in the current scheme. */
async function expectReadable(page: Page, hubUrl: string): Promise<void> {
  const facts = await rollouts(OPEN_SWE, dataFiles(SPLIT));
  const withPatch = facts.find((f) => f.patch);
  if (!withPatch) throw new Error(`no row of ${SPLIT} has a model patch: the fixture no longer exercises the diff`);
  const rows = facts.length;
  await page.goto('/');
  await lookUp(page, OPEN_SWE, { endpoint: hubUrl });
  await load(page, OPEN_SWE, { only: ['openhands / qwen35_122b'], full: true });
  await expectLoaded(page, OPEN_SWE, rows);
  await datasetCard(page, OPEN_SWE).getByRole('button', { name: 'Browse' }).click();
  const grid = page.getByRole('grid', { name: `Trajectories of ${OPEN_SWE}` });
  await expect(grid).toBeVisible();
  const table = await lowestContrast(grid);
  expect(table.ratio, table.sample).toBeGreaterThanOrEqual(MIN_CONTRAST);

  const row = grid.locator(`[role=row][data-row-id$="${withPatch.idSuffix}"]`);
  const id = (await row.getAttribute('data-row-id')) as string;
  await row.dblclick();
  const reader = page.getByRole('region', { name: `Trajectory ${id}` });
  await expect(reader.locator('.thread')).toBeVisible();
  const thread = await lowestContrast(reader.locator('.thread'));
  expect(thread.ratio, thread.sample).toBeGreaterThanOrEqual(MIN_CONTRAST);

  await reader.getByRole('tab', { name: 'Patch' }).click();
  await expect(reader.locator('.patch-view')).toBeVisible();
  // The diff itself: added, deleted and context lines with their syntax colours.
  const diffTable = reader.locator('.patch-view .pv-diff').first();
  await expect(diffTable.locator('td.diff-code').first()).toBeVisible();
  const patch = await lowestContrast(reader.locator('.patch-view'), 2000);
  expect(patch.ratio, patch.sample).toBeGreaterThanOrEqual(MIN_CONTRAST);
  const diff = await lowestContrast(diffTable, 2000);
  expect(diff.ratio, diff.sample).toBeGreaterThanOrEqual(MIN_CONTRAST);
}

test.describe('with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the page is dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Theme: system (change)' })).toBeVisible();
    expect(await pageLuminance(page)).toBeLessThan(0.05);
  });

  test("a trajectory's table, thread and patch are readable", async ({ page, hub }) => {
    await expectReadable(page, hub.url);
  });
});

test.describe('with the system in light mode', () => {
  test.use({ colorScheme: 'light' });

  test("a trajectory's table, thread and patch are readable", async ({ page, hub }) => {
    await expectReadable(page, hub.url);
  });

  test('the page is light; the toggle makes it dark, and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Theme: system (change)' })).toBeVisible();
    expect(await pageLuminance(page)).toBeGreaterThan(0.8);

    await page.getByRole('button', { name: 'Theme: system (change)' }).click();
    await expect(page.getByRole('button', { name: 'Theme: light (change)' })).toBeVisible();
    expect(await pageLuminance(page)).toBeGreaterThan(0.8);
    await page.getByRole('button', { name: 'Theme: light (change)' }).click();
    await expect(page.getByRole('button', { name: 'Theme: dark (change)' })).toBeVisible();
    await expect.poll(() => pageLuminance(page)).toBeLessThan(0.05);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Theme: dark (change)' })).toBeVisible();
    await expect.poll(() => pageLuminance(page)).toBeLessThan(0.05);

    await page.getByRole('button', { name: 'Theme: dark (change)' }).click();
    await expect(page.getByRole('button', { name: 'Theme: system (change)' })).toBeVisible();
    await expect.poll(() => pageLuminance(page)).toBeGreaterThan(0.8);
  });
});
