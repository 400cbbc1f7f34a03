/**
 * The thread and diff features on the dev harness (e2e/harness/thread.html), before the app
 * mounts them. Expected values come from the records themselves and the core's definitions.
 * Run: `npx playwright test e2e/thread-harness.spec.ts` (the `harness` project serves it from the dev server).
 */
import { parsePatch } from '../src/core/patch';
import { BIG_OUTPUT_CHARS, HOSTILE_NEEDLE } from '../scripts/harness/hostileRecord';
import { feed, harnessRecords, openHarness, readAllRows, readRecord } from './support/harness';
import { count } from './support/page';
import { expect, test } from './support/test';

test.beforeAll(async () => {
  await harnessRecords();
});

/** Which renderer each tool gets (the registry's contract). */
const RENDERER: Record<string, string> = {
  bash: 'shell',
  execute_bash: 'shell',
  run: 'shell',
  str_replace_editor: 'editor',
  file_editor: 'editor',
  think: 'think',
  finish: 'finish',
  submit: 'finish',
  search_dir: 'swe-agent',
  open: 'swe-agent',
  edit: 'swe-agent',
  constructor: 'json',
};

interface RowInfo {
  kind: string;
  calls: { tool: string; renderer: string; code: string; outputs: string[] }[];
  source: string | null;
  prose: string;
}

function readRow(row: HTMLElement): RowInfo {
  return {
    kind: row.dataset.kind ?? '',
    calls: [...row.querySelectorAll<HTMLElement>('.call-card')].map((c) => ({
      tool: c.dataset.tool ?? '',
      renderer: c.dataset.renderer ?? '',
      code: c.querySelector('.call-body')?.textContent ?? '',
      outputs: [...c.querySelectorAll('.call-output-link')].map((l) => l.textContent?.match(/#(\d+)/)?.[1] ?? ''),
    })),
    source: row.querySelector('.obs-source-index')?.textContent?.replace('#', '') ?? null,
    prose: row.querySelector('[data-find-seg="prose"]')?.textContent ?? '',
  };
}

/** The command a call runs, as the record stores it. */
const commandOf = (args: unknown) => (typeof args === 'object' && args !== null ? ((args as Record<string, unknown>).command ?? (args as Record<string, unknown>).cmd) : args);

test.describe('thread', () => {
  for (const name of ['golden-open-swe-traces-openhands-parquet', 'golden-mini-coder-parquet', 'golden-nebius-swe-agent-parquet', 'golden-swe-smith-xml-parquet', 'golden-openhands-output-jsonl']) {
    test(`renders every tool call of ${name} with its tool's renderer`, async ({ page }) => {
      const { trajectory } = readRecord(name);
      await openHarness(page, { record: name, view: 'thread' });
      const rows = await readAllRows(page, readRow);
      expect(rows.size).toBe(trajectory.messages.length);
      trajectory.messages.forEach((m, i) => {
        const row = rows.get(i) as RowInfo;
        expect(row.calls.map((c) => c.tool), `message ${i}`).toEqual((m.toolCalls ?? []).map((c) => c.name));
        (m.toolCalls ?? []).forEach((call, k) => {
          const shown = row.calls[k];
          expect(shown?.renderer, `${call.name} in message ${i}`).toBe(RENDERER[call.name] ?? 'json');
          const command = commandOf(call.arguments);
          if (shown?.renderer === 'shell' && typeof command === 'string') expect(shown.code).toContain(command.split('\n')[0]);
          if (shown?.renderer === 'editor') expect(shown.code).toContain(String((call.arguments as Record<string, unknown>).path));
        });
        if (m.role === 'assistant' && m.toolCalls?.some((c) => c.fromText)) {
          expect(row.prose, `action text left in message ${i}`).not.toMatch(/```(?:bash|mswea_bash_command)|<function=/);
        }
      });
    });
  }

  test('pairs each tool message with its call by id (OpenHands)', async ({ page }) => {
    const name = 'golden-nebius-swe-rebench-openhands-parquet';
    const { trajectory } = readRecord(name);
    const callMessage = new Map<string, number>();
    trajectory.messages.forEach((m, i) => m.toolCalls?.forEach((c) => c.id && callMessage.set(c.id, i)));
    await openHarness(page, { record: name, view: 'thread' });
    const rows = await readAllRows(page, readRow);
    let paired = 0;
    trajectory.messages.forEach((m, i) => {
      if (m.role !== 'tool') return;
      const call = callMessage.get(m.toolCallId ?? '');
      expect(call, `tool message ${i} names a call`).toBeDefined();
      expect(rows.get(i)?.source, `output ${i}`).toBe(String(call));
      expect(rows.get(call as number)?.calls.flatMap((c) => c.outputs), `call of ${i}`).toContain(String(i));
      paired++;
    });
    expect(paired).toBeGreaterThan(3);
  });

  test('pairs text-format observations with the action before them (mini-swe-agent)', async ({ page }) => {
    const name = 'golden-mini-swe-agent-v2-traj-json';
    const { trajectory } = readRecord(name);
    await openHarness(page, { record: name, view: 'thread' });
    const rows = await readAllRows(page, readRow);
    const firstUser = trajectory.messages.findIndex((m) => m.role === 'user');
    let paired = 0;
    trajectory.messages.forEach((m, i) => {
      if (m.role !== 'user' || i === firstUser || !trajectory.messages[i - 1]?.toolCalls?.length) return;
      expect(rows.get(i)?.kind, `message ${i}`).toBe('observation');
      expect(rows.get(i)?.source, `message ${i}`).toBe(String(i - 1));
      paired++;
    });
    expect(paired).toBeGreaterThan(3);
  });

  test('shows return codes, and jumps between errors (e / E)', async ({ page }) => {
    const name = 'golden-mini-swe-agent-v2-traj-json';
    const { trajectory } = readRecord(name);
    const codes = trajectory.messages.map((m) => /^\s*<returncode>(-?\d+)<\/returncode>/.exec(m.content)?.[1]);
    const failing = codes.flatMap((c, i) => (c !== undefined && c !== '0' ? [i] : []));
    expect(failing.length).toBeGreaterThan(0);
    await openHarness(page, { record: name, view: 'thread' });
    const badges = await readAllRows(page, (row) => row.querySelector('.msg-head .exit-badge')?.textContent ?? null);
    codes.forEach((c, i) => c !== undefined && expect(badges.get(i), `message ${i}`).toBe(`exit ${c}`));
    await feed(page).focus();
    await feed(page).evaluate((el) => (el.scrollTop = 0));
    for (const i of failing) {
      await page.keyboard.press('e');
      await expect(page.locator('article[aria-current="true"]')).toHaveAttribute('data-message-index', String(i));
      await expect(page.locator('article[aria-current="true"]')).toBeInViewport();
    }
    await page.keyboard.press('E');
    if (failing.length > 1) await expect(page.locator('article[aria-current="true"]')).toHaveAttribute('data-message-index', String(failing.at(-2)));
  });

  test('collapses the system prompt and the task statement until asked', async ({ page }) => {
    await openHarness(page, { record: 'golden-swe-smith-tool-parquet', view: 'thread' });
    for (const kind of ['system', 'task']) {
      const row = page.locator(`article[data-kind="${kind}"]`);
      await expect(row).toHaveClass(/is-collapsed/);
      await row.getByRole('button', { name: /^Show (system prompt|task)/ }).click();
      await expect(row).not.toHaveClass(/is-collapsed/);
      await expect(row.locator('.md')).toBeVisible();
    }
  });

  test('find: counts matches, steps next / previous with wrap-around, scrolls the virtualized thread to each', async ({ page }) => {
    const name = 'long-openhands';
    const { trajectory } = readRecord(name);
    const query = 'load_lock';
    // Messages whose text holds the query (the thread also searches tool arguments).
    const holders = trajectory.messages.flatMap((m, i) => (JSON.stringify([m.content, m.reasoning, m.toolCalls]).toLowerCase().includes(query) ? [i] : []));
    expect(trajectory.messages.length).toBe(400);
    expect(holders.length).toBeGreaterThan(20);
    await openHarness(page, { record: name, view: 'thread' });
    await page.keyboard.press('/');
    await expect(page.getByLabel('Find in thread')).toBeFocused();
    await page.keyboard.type(query);
    const status = page.getByRole('toolbar').getByLabel('Matches');
    await expect(status).toHaveText(/^1 \/ \d+$/);
    const total = Number((await status.textContent())?.split('/ ')[1]);
    expect(total).toBeGreaterThanOrEqual(holders.length);
    const current = page.locator('article[aria-current="true"]');
    const visited: number[] = [];
    for (let k = 1; k <= 6; k++) {
      await expect(status).toHaveText(`${k} / ${total}`);
      await expect(current).toBeInViewport();
      const at = Number(await current.getAttribute('data-message-index'));
      expect(holders).toContain(at);
      await expect.poll(() => page.evaluate(() => CSS.highlights.get('thread-find-current')?.size ?? 0)).toBe(1);
      const text = await page.evaluate(() => [...(CSS.highlights.get('thread-find-current') ?? [])].map((r) => (r as Range).toString())[0]);
      expect(text?.toLowerCase()).toBe(query);
      visited.push(at);
      await page.keyboard.press('Enter');
    }
    expect(visited).toEqual([...visited].sort((a, b) => a - b));
    for (let k = 6; k >= 1; k--) await page.keyboard.press('Shift+Enter');
    await expect(status).toHaveText(`1 / ${total}`);
    await page.keyboard.press('Shift+Enter');
    await expect(status).toHaveText(`${total} / ${total}`);
    await expect(current).toHaveAttribute('data-message-index', String(holders.at(-1)));
    await expect(current).toBeInViewport();
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText(`1 / ${total}`);
  });

  test('opens on the message a deep link names and reports the reader\'s place', async ({ page }) => {
    await openHarness(page, { record: 'long-openhands', view: 'thread', message: '250' });
    const current = page.locator('article[aria-current="true"]');
    await expect(current).toHaveAttribute('data-message-index', '250');
    await expect(current).toBeInViewport();
    await page.locator('article[data-message-index="251"] .msg-index').click();
    await expect(page).toHaveURL(/[?&]message=251\b/);
    await expect(page.locator('#harness-place')).toHaveText('select #251');
    await feed(page).evaluate((el) => (el.scrollTop = 0));
    await expect(page.locator('#harness-place')).toHaveText('scroll #0');
  });

  test('keeps a 400-message thread to a few dozen rows in the page', async ({ page }) => {
    await openHarness(page, { record: 'long-openhands', view: 'thread' });
    await expect(page.locator('article[data-message-index]').first()).toBeVisible();
    expect(await page.locator('article[data-message-index]').count()).toBeLessThan(40);
    await feed(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('article[data-message-index="399"]')).toBeVisible();
  });
});

test.describe('hostile content', () => {
  test('stays inert text: no script runs, no image loads, no javascript: link', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('__hostile')) requests.push(r.url());
    });
    await openHarness(page, { record: 'hostile', view: 'both' });
    for (const kind of ['system', 'task']) await page.locator(`article[data-kind="${kind}"]`).getByRole('button', { name: /^Show / }).click();
    await page.locator('article[data-message-index="2"] .reasoning-toggle').click();
    const thread = page.locator('.thread');
    await expect(thread).toContainText("<script>window.__pwned=(window.__pwned||[]).concat('prose-script')</script>");
    await expect(thread).toContainText('<img src="/__hostile/raw-img.png" onerror=');
    await expect(thread).toContainText("<script>window.__pwned=(window.__pwned||[]).concat('system')</script>");
    await expect(thread.locator('.md-link-blocked', { hasText: 'js link' })).toBeVisible();
    await expect(thread.locator('.md-image')).toHaveCount(2);
    await expect(thread.locator('a', { hasText: 'a safe link' })).toHaveAttribute('href', 'https://example.com/docs');
    for (const tab of ['Reference patch', 'Compare', 'Model patch']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.locator('.patch-view')).toContainText('<script>window.__pwned');
    }
    await page.getByRole('button', { name: 'Split' }).click();
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href, 'a link in the page').toMatch(/^(https?:|mailto:|#)/);
    expect(await page.locator('img, script:not([type="module"]), iframe, object, embed').count()).toBe(0);
    expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
  });

  test('a 10 MB observation opens in chunks and the page keeps answering', async ({ page }) => {
    const { trajectory } = readRecord('hostile');
    const big = trajectory.messages.findIndex((m) => m.content.length >= BIG_OUTPUT_CHARS);
    await openHarness(page, { record: 'hostile', view: 'thread', message: String(big) });
    const row = page.locator(`article[data-message-index="${big}"]`);
    await expect(row).toBeInViewport();
    await expect(row.locator('.lt-more')).toContainText(/^First \d+ lines of \d+(\.\d)?K · 10\.\dM characters/);
    // Bounds are generous: two test workers and the token worker (counting this very output) share
    // two cores. Alone, showing it all takes ~0.3 s and a frame stays under 10 ms.
    const opened = Date.now();
    await row.getByRole('button', { name: 'Show all' }).click();
    await expect(row.locator('.lt-window')).toBeVisible();
    expect(Date.now() - opened, 'ms to show all of it').toBeLessThan(5000);
    expect(await row.locator('.lt-line').count(), 'lines in the page').toBeLessThan(200);
    await row.locator('.lt-window').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(row.locator('.lt-line').first()).not.toHaveText(/^0000000 /);
    // Input answers quickly: a keystroke into find shows up, a toggle toggles.
    for (const probe of ['typing', 'toggle'] as const) {
      const t0 = Date.now();
      if (probe === 'typing') {
        await page.getByLabel('Find in thread').fill(HOSTILE_NEEDLE);
        await expect(page.getByRole('toolbar').getByLabel('Matches')).toHaveText('1 / 1');
      } else {
        await page.getByRole('checkbox', { name: 'Markdown' }).click();
        await expect(page.getByRole('checkbox', { name: 'Markdown' })).not.toBeChecked();
      }
      expect(Date.now() - t0, `ms to answer ${probe}`).toBeLessThan(3000);
    }
    const frameDelay = await page.evaluate(() => new Promise<number>((r) => {
      const t = performance.now();
      requestAnimationFrame(() => setTimeout(() => r(performance.now() - t), 0));
    }));
    expect(frameDelay, 'ms for a frame').toBeLessThan(500);
    await expect(row.locator('.lt-line', { hasText: HOSTILE_NEEDLE })).toBeVisible();
  });
});

test.describe('patch', () => {
  const withPatch = ['golden-mini-coder-parquet', 'golden-open-swe-traces-openhands-parquet', 'golden-openhands-output-jsonl', 'golden-mini-swe-agent-v1-list-traj-json', 'hostile', 'big-patch'];
  for (const name of withPatch) {
    test(`+/- counts of ${name} are the core's`, async ({ page }) => {
      const { trajectory, features } = readRecord(name);
      const stats = parsePatch(trajectory.patch);
      expect([features.patchAdd, features.patchDel]).toEqual([stats.add, stats.del]);
      await openHarness(page, { record: name, view: 'patch' });
      const view = page.getByRole('region', { name: 'Patch' });
      await expect(view.getByTestId('patch-add')).toHaveText(`+${count(stats.add)}`);
      await expect(view.getByTestId('patch-del')).toHaveText(`−${count(stats.del)}`);
      const rows = view.getByRole('table', { name: 'Files in the model patch' }).locator('tbody tr');
      await expect(rows).toHaveCount(stats.files.length);
      for (const [i, f] of stats.files.entries()) {
        await expect(rows.nth(i).getByRole('cell')).toHaveText([f.path, `+${count(f.add)}`, `−${count(f.del)}`, '']);
      }
      await expect(view.locator('.pv-file')).toHaveCount(stats.files.length);
      // Large files start collapsed; files far below render when scrolled to.
      for (const f of stats.files) if (f.add + f.del > 400) await expect(view.locator(`.pv-file[data-path="${f.path}"] .pv-collapsed`)).toContainText('Large diff');
      await view.getByRole('button', { name: 'Split' }).click();
      await expect(view.locator('.diff-split').first()).toBeVisible();
    });
  }

  test('labels a patch recovered from the thread', async ({ page }) => {
    const { trajectory } = readRecord('golden-mini-swe-agent-v1-list-traj-json');
    expect(trajectory.patchSource).toBe('thread');
    await openHarness(page, { record: 'golden-mini-swe-agent-v1-list-traj-json', view: 'patch' });
    await expect(page.locator('.pv-source')).toHaveText(/recovered from the thread/);
  });

  test('says plainly when there is no patch', async ({ page }) => {
    expect(readRecord('golden-swe-zero-jsonl').trajectory.patch).toBeUndefined();
    await openHarness(page, { record: 'golden-swe-zero-jsonl', view: 'patch' });
    await expect(page.getByRole('note')).toHaveText(/^No model patch/);
  });

  test('shows a malformed patch as text, without crashing', async ({ page }) => {
    const { trajectory } = readRecord('malformed-patch');
    await openHarness(page, { record: 'malformed-patch', view: 'both' });
    const view = page.getByRole('region', { name: 'Patch' });
    await expect(view.getByRole('note')).toContainText('Shown as plain text');
    await expect(view.locator('.pv-raw-text')).toHaveText(trajectory.patch?.trimEnd() ?? '', { useInnerText: true });
    await expect(view.getByTestId('patch-add')).toHaveText(`+${count(parsePatch(trajectory.patch).add)}`);
  });

  test('compares the model and reference patches file by file', async ({ page }) => {
    const name = 'golden-open-swe-traces-openhands-parquet';
    const { trajectory } = readRecord(name);
    expect(trajectory.referencePatch).toBeTruthy();
    await openHarness(page, { record: name, view: 'patch' });
    await page.getByRole('tab', { name: 'Compare' }).click();
    const table = page.getByRole('table', { name: 'Files in the model and reference patches' });
    const paths = new Set([...parsePatch(trajectory.patch).files, ...parsePatch(trajectory.referencePatch).files].map((f) => f.path));
    await expect(table.locator('tbody tr')).toHaveCount(paths.size);
  });
});

test('reads golden expectation rows directly (tool calls without ids or fromText)', async ({ page }) => {
  await openHarness(page, { src: '/fixtures/golden/mini-coder.parquet.expected.json', row: '0', view: 'thread' });
  const rows = await readAllRows(page, readRow);
  const shells = [...rows.values()].flatMap((r) => r.calls).filter((c) => c.tool === 'bash');
  expect(shells.length).toBeGreaterThan(3);
  for (const r of rows.values()) expect(r.prose).not.toMatch(/```bash|^THOUGHT:/);
});
