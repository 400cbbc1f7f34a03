/** Page helpers for the open-file tests: open by picker or by drop, and read what a file card shows. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { displayedText } from '../../src/features/open-file/codeSpans';
import { MAX_ERRORS } from '../../workers/api';
import type { Expected } from './expected';

/** Newer V8 (Chromium) appends `(line 1 column 181)` to JSON.parse messages; Node 20's does not. */
const withoutEngineDetail = (text: string | null) => (text ?? '').replace(/ \(line \d+ column \d+\)$/, '');

export const count = (n: number) => n.toLocaleString('en-US');

export async function openWithPicker(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Open files').setInputFiles(files);
}

/** Drops files on the page the way a browser does: dragenter, dragover, drop with a DataTransfer of Files built in the page. */
export async function dropFiles(page: Page, files: string[], target?: Locator): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), base64: readFileSync(f).toString('base64') }));
  const zone = target ?? page.getByRole('main', { name: 'Drop files here' });
  await zone.evaluate((el, items) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of items) {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, payload);
}

export function fileCard(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Waits for the file to be read, then checks everything the card shows against the fixture. */
export async function expectCardMatches(page: Page, expected: Expected): Promise<void> {
  const card = fileCard(page, expected.name);
  await expect(card).toHaveAttribute('aria-busy', 'false');
  await expect(card.getByRole('alert')).toHaveCount(0);

  const format = card.getByLabel('Format', { exact: true });
  await expect(format).toContainText(expected.detection.label);
  await expect(format).toContainText(displayedText(expected.detection.reason));
  await expect(card.getByLabel('Rows', { exact: true })).toHaveText(count(expected.rowCount));
  await expect(card.getByLabel('Errors', { exact: true })).toHaveText(count(expected.errorCount));

  const table = card.getByRole('table', { name: `First rows of ${expected.name}` });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(expected.rows.length);
  for (const [i, row] of expected.rows.entries()) {
    await expect(rows.nth(i).getByRole('cell')).toHaveText([row.id, row.instanceId ?? '—', row.outcome, count(row.nMessages), count(row.tokens)]);
    await expect(rows.nth(i).locator('.outcome')).toHaveClass(new RegExp(`\\boutcome-${row.outcome}\\b`));
  }
  if (expected.errorCount > 0) {
    const errors = card.getByRole('list', { name: `Row errors in ${expected.name}` }).getByRole('listitem');
    await expect(errors).toHaveCount(Math.min(expected.errorCount, MAX_ERRORS));
    for (const [i, e] of expected.firstErrors.entries()) {
      expect(withoutEngineDetail(await errors.nth(i).textContent())).toBe(withoutEngineDetail(`row ${e.row} ${e.message}`));
    }
  }
}
