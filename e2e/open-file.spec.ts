import path from 'node:path';
import { displayedText } from '../src/features/open-file/codeSpans';
import { expectedFor, fatalErrorFor, type Expected } from './support/expected';
import { FIXTURES } from './support/fixtures';
import { count, dropFiles, expectCardMatches, fileCard, openWithPicker } from './support/page';
import { expect, test } from './support/test';

let miniSwe: Expected;
let openSwe: Expected;

test.beforeAll(async () => {
  [miniSwe, openSwe] = await Promise.all([expectedFor(FIXTURES.miniSwe), expectedFor(FIXTURES.openSwe)]);
  // The fixtures must exercise what the tests claim to check.
  expect(miniSwe.detection.format).toBe('swe-zero');
  expect(openSwe.detection.format).toBe('open-swe-traces');
  expect(miniSwe.rowCount).toBeGreaterThan(1);
  expect(new Set(openSwe.rows.map((r) => r.outcome))).toEqual(new Set(['resolved', 'unresolved', 'ungraded']));
});

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Trajectory Explorer' })).toBeVisible();
  await expect(page.getByText('Drop trajectory files anywhere on this page')).toBeVisible();
});

test('opens a mini-swe-agent JSONL file with the picker', async ({ page }) => {
  await openWithPicker(page, [FIXTURES.miniSwe]);
  await expectCardMatches(page, miniSwe);
});

test('opens an Open-SWE-Traces parquet file with the picker', async ({ page }) => {
  await openWithPicker(page, [FIXTURES.openSwe]);
  await expectCardMatches(page, openSwe);
});

test('opens several files at once with the picker, in order', async ({ page }) => {
  await openWithPicker(page, [FIXTURES.miniSwe, FIXTURES.openSwe]);
  await expect(page.getByRole('region')).toHaveCount(2);
  await expect(page.getByRole('region').nth(0)).toHaveAccessibleName(miniSwe.name);
  await expect(page.getByRole('region').nth(1)).toHaveAccessibleName(openSwe.name);
  await expectCardMatches(page, miniSwe);
  await expectCardMatches(page, openSwe);
});

test('opens files dropped anywhere on the page', async ({ page }) => {
  const miniSweParquet = await expectedFor(FIXTURES.miniSweParquet);
  expect(miniSweParquet.detection.format).toBe('swe-zero');
  await dropFiles(page, [FIXTURES.openSwe]);
  await expectCardMatches(page, openSwe);
  // The header is outside the main drop region: the whole page accepts drops.
  await dropFiles(page, [FIXTURES.miniSweParquet], page.getByRole('banner'));
  await expectCardMatches(page, miniSweParquet);
  await expectCardMatches(page, openSwe);
});

for (const [label, key, format] of [
  ['gzipped JSONL', 'gzJsonl', 'swe-zero'],
  ['a mini-swe-agent .traj.json run', 'miniSweTraj', 'mini-swe-agent-traj'],
  ['a SWE-agent .traj run', 'sweAgentTraj', 'swe-agent-traj'],
  ['an OpenHands output.jsonl', 'openhandsOutput', 'openhands-output'],
] as const) {
  test(`opens ${label}`, async ({ page }) => {
    const expected = await expectedFor(FIXTURES[key]);
    expect(expected.detection.format).toBe(format);
    await openWithPicker(page, [FIXTURES[key]]);
    await expectCardMatches(page, expected);
  });
}

test('shows an overlay while files are dragged over the page', async ({ page }) => {
  const drag = (type: string) =>
    page.getByRole('main', { name: 'Drop files here' }).evaluate((el, eventType) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{}'], 'x.json'));
      el.dispatchEvent(new DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, type);
  await drag('dragenter');
  await expect(page.getByText('Drop to open')).toBeVisible();
  await drag('dragleave');
  await expect(page.getByText('Drop to open')).toHaveCount(0);
});

test('a broken file shows an error naming it, and earlier results stay', async ({ page }) => {
  const name = path.basename(FIXTURES.truncated);
  const fatal = await fatalErrorFor(FIXTURES.truncated);
  expect(fatal).toContain(name);

  await openWithPicker(page, [FIXTURES.miniSwe]);
  await expectCardMatches(page, miniSwe);

  await dropFiles(page, [FIXTURES.truncated]);
  const broken = fileCard(page, name);
  await expect(broken).toHaveAttribute('aria-busy', 'false');
  await expect(broken.getByRole('alert')).toHaveText(fatal);
  await expect(broken.getByRole('table')).toHaveCount(0);

  await expectCardMatches(page, miniSwe);
});

test('lists rows that cannot be read, with their row numbers, and reads the rest', async ({ page }) => {
  const expected = await expectedFor(FIXTURES.malformed);
  expect(expected.errorCount).toBeGreaterThan(0);
  await openWithPicker(page, [FIXTURES.malformed]);
  await expectCardMatches(page, expected); // checks each listed error's row number and message
  const firstError = expected.firstErrors[0];
  expect(firstError).toBeDefined();
  await expect(fileCard(page, expected.name).getByRole('list', { name: `Row errors in ${expected.name}` })).toContainText(`row ${firstError?.row}`);
});

test('an unknown shape loads as raw rows with a warning', async ({ page }) => {
  const expected = await expectedFor(FIXTURES.unknownSchema);
  expect(expected.detection.format).toBe('raw');
  expect(expected.detection.warning).toBeTruthy();
  await openWithPicker(page, [FIXTURES.unknownSchema]);
  await expectCardMatches(page, expected);
  await expect(fileCard(page, expected.name).getByRole('note')).toHaveText(displayedText(expected.detection.warning ?? ''));
});

test('an empty file says it has no rows', async ({ page }) => {
  const name = path.basename(FIXTURES.emptyJsonl);
  await openWithPicker(page, [FIXTURES.emptyJsonl]);
  const card = fileCard(page, name);
  await expect(card).toHaveAttribute('aria-busy', 'false');
  await expect(card.getByRole('note')).toHaveText(`${name} has no rows.`);
  await expect(card.getByLabel('Rows', { exact: true })).toHaveText('0');
});

test('"Read as" re-reads a file with the chosen format, and back', async ({ page }) => {
  const forced = await expectedFor(FIXTURES.miniSwe, 'raw');
  expect(forced.detection.overridden).toBe(true);
  await openWithPicker(page, [FIXTURES.miniSwe]);
  await expectCardMatches(page, miniSwe);
  const card = fileCard(page, miniSwe.name);
  await card.getByLabel('Read as').selectOption('raw');
  await expectCardMatches(page, forced);
  await expect(card.getByLabel('Format', { exact: true })).toContainText('forced');
  await card.getByLabel('Read as').selectOption('');
  await expectCardMatches(page, miniSwe);
});

test('refuses a file type it cannot read, naming the file', async ({ page }) => {
  await openWithPicker(page, [FIXTURES.miniSwe]);
  await page.getByLabel('Open files').setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
  await expect(fileCard(page, 'notes.txt').getByRole('alert')).toHaveText(/^notes\.txt: unsupported file type/);
  await expectCardMatches(page, miniSwe);
});

test('closing a file removes only its card', async ({ page }) => {
  await openWithPicker(page, [FIXTURES.miniSwe, FIXTURES.openSwe]);
  await expectCardMatches(page, openSwe);
  await page.getByRole('button', { name: `Close ${miniSwe.name}` }).click();
  await expect(fileCard(page, miniSwe.name)).toHaveCount(0);
  await expect(fileCard(page, openSwe.name).getByLabel('Rows', { exact: true })).toHaveText(count(openSwe.rowCount));
});
