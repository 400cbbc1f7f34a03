/** Page helpers for the dataset tests: look a dataset up on the (fake) Hub, load it, read its card. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { GENERATED_DIR } from './fixtures';

export interface LookupOptions {
  endpoint: string;
  revision?: string;
  token?: string;
}

/** Types the dataset id, as a user does, with the loopback Hub as endpoint. */
export async function lookUp(page: Page, repo: string, { endpoint, revision, token }: LookupOptions): Promise<void> {
  const form = page.getByRole('form', { name: 'Load a dataset from the Hugging Face Hub' });
  await form.getByLabel('Hugging Face dataset or file URL').fill(repo);
  if (revision) await form.getByLabel('Revision').fill(revision);
  const more = form.locator('details');
  if ((await more.getAttribute('open')) === null) await more.getByText('Endpoint and access token').click();
  await form.getByLabel('Hub endpoint').fill(endpoint);
  if (token) await form.getByLabel('Access token (gated datasets)').fill(token);
  await form.getByRole('button', { name: 'Look up' }).click();
}

export function plan(page: Page, repo: string): Locator {
  return page.getByRole('region', { name: `${repo} contents` });
}

/** Chooses what to load in the plan and starts it. */
export async function load(page: Page, repo: string, opts: { only?: string[]; sample?: number; full?: boolean } = {}): Promise<void> {
  const p = plan(page, repo);
  await expect(p).toBeVisible();
  if (opts.only) {
    await p.getByLabel('Select all configs and splits').uncheck();
    for (const s of opts.only) await p.getByLabel(`Load ${s}`).check();
  }
  if (opts.full) await p.getByText(/^Everything/).click();
  if (opts.sample !== undefined) await p.getByLabel('Rows per config and split').fill(String(opts.sample));
  await p.getByRole('button', { name: /^Load \d+ of/ }).click();
  await expect(p).toBeHidden();
}

export function datasetCard(page: Page, label: string): Locator {
  return page.getByRole('article', { name: label, exact: true });
}

export async function expectLoaded(page: Page, label: string, rows: number): Promise<void> {
  const card = datasetCard(page, label);
  await expect(card.getByRole('status', { name: 'State: Loaded' })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId('rows-done')).toHaveText(new RegExp(`^${rows.toLocaleString('en-US')}\\b`));
}

/** A folder of Hub repositories for one test: copies of generated fixture repos plus extra files. */
export function hubFolder(repos: Record<string, string>, extra: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'te-hub-'));
  for (const [to, from] of Object.entries(repos)) cpSync(path.join(GENERATED_DIR, from), path.join(root, to), { recursive: true });
  for (const [file, content] of Object.entries(extra)) writeFileSync(path.join(root, file), content);
  return root;
}
