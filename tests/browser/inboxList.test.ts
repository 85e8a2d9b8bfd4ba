import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { recomputeWaitingSla } from '../../server/services/conversationSla';
import { signIn } from '../helpers/browser';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const CUSTOMERS = 70;

describeIfChromium('inbox list: virtualized, SLA, filters, bulk and undo (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let lea: string;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 300, clientDir: clientDistDir });
    lea = await stack.login('lea@demo.caredesk');
    for (let i = 0; i < CUSTOMERS; i++) {
      await simPost(stack.sim, {
        username: `kunde_${String(i).padStart(3, '0')}`,
        text: `@${stack.brand.username} Frage Nummer ${i}`,
      });
    }
    await waitFor(
      async () =>
        (
          (await stack.api(lea, 'GET', '/api/conversations?status=all&limit=200'))
            .body as ConversationListResponse
        ).items.length >= CUSTOMERS,
      { what: 'all customers ingested', timeoutMs: 60_000 },
    );
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await signIn(browser, 'ben@demo.caredesk', { url: stack.web.url });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const rows = () => page.getByTestId('conversation-row');
  const rowIds = () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation-id')!));

  it('renders only the rows in view and keeps the row under the cursor still when new ones arrive above', async () => {
    await page.getByTestId('view-all').click();
    // The first page (50) is loaded, but only the rows in view are in the DOM.
    await page.locator('[data-testid="conversation-list"][data-total="50"]').waitFor({ timeout: 20_000 });
    expect(await rows().count()).toBeLessThan(25);
    // Scrolling towards the end loads the next page by itself.
    await page.getByTestId('conversation-scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page
      .locator(`[data-testid="conversation-list"][data-total="${CUSTOMERS}"]`)
      .waitFor({ timeout: 20_000 });
    expect(await rows().count()).toBeLessThan(25);

    // Scroll into the middle; remember a row and where it is on screen.
    await page.getByTestId('conversation-scroller').evaluate((el) => {
      el.scrollTop = 1500;
    });
    await page.waitForTimeout(200);
    const watched = page.locator(`[data-testid="conversation-row"]`).nth(3);
    const id = (await watched.getAttribute('data-conversation-id'))!;
    const before = (await watched.boundingBox())!.y;

    // "All" is sorted by last change: new customers land above the viewport.
    for (let i = 0; i < 3; i++)
      await simPost(stack.sim, { username: `neu_${i}`, text: `@${stack.brand.username} Neu ${i}` });
    await page
      .locator(`[data-testid="conversation-list"][data-total="${CUSTOMERS + 3}"]`)
      // The poller backs off while nothing arrives, so the next poll can be a while away.
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const after = (await page
      .locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)
      .boundingBox())!.y;
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);

    // j/k reach rows that were not rendered: the list scrolls to them.
    await page.getByTestId('conversation-scroller').evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    for (let i = 0; i < 25; i++) await page.keyboard.press('j');
    const cursor = page.locator('[data-testid="conversation-row"][data-cursor="true"]');
    await expect(cursor.isVisible()).resolves.toBe(true);
    expect(await cursor.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('sorts by SLA due and shows the breached ones first, ticking', async () => {
    const [first, second] = (
      (await stack.api(lea, 'GET', '/api/conversations?status=open&limit=200'))
        .body as ConversationListResponse
    ).items.slice(-2);
    await stack.core.db.raw(
      `update conversations set waiting_since = now() - interval '75 minutes',
         sla_started_at = now() - interval '75 minutes' where id = ?`,
      [first!.id],
    );
    await stack.core.db.raw(
      `update conversations set waiting_since = now() - interval '50 minutes',
         sla_started_at = now() - interval '50 minutes' where id = ?`,
      [second!.id],
    );
    // Due times are computed by the services (no trigger): recompute as a policy change would.
    await recomputeWaitingSla(stack.core.db);
    await page.getByTestId('view-open').click();
    await page.getByTestId('list-sort').selectOption('sla');
    await page.locator(`[data-testid="conversation-row"][data-conversation-id="${first!.id}"]`).waitFor();
    expect((await rowIds()).slice(0, 2)).toEqual([first!.id, second!.id]);
    const sla = page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${first!.id}"] [data-testid="row-sla"]`,
    );
    expect(await sla.getAttribute('data-sla')).toBe('breached');
    expect(await sla.textContent()).toMatch(/^SLA 1[45]m( \d+s)? over$/);
    expect(
      await page
        .locator(
          `[data-testid="conversation-row"][data-conversation-id="${second!.id}"] [data-testid="row-sla"]`,
        )
        .getAttribute('data-sla'),
    ).toBe('at_risk');
    await page.screenshot({ path: path.join(shots, 'inbox-sla.png') });
  });

  it('filters, saves the filter with its count and applies it again', async () => {
    const target = (
      (await stack.api(lea, 'GET', '/api/conversations?status=open&limit=5')).body as ConversationListResponse
    ).items[4]!;
    await stack.api(lea, 'PATCH', `/api/conversations/${target.id}`, {
      priority: 'urgent',
      tags: ['störung'],
    });
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-priority').selectOption('urgent');
    await page.getByTestId('filter-tag').fill('störung');
    await page.locator('[data-testid="conversation-list"][data-total="1"]').waitFor();
    expect(await rowIds()).toEqual([target.id]);
    await page.getByTestId('filter-save').click();
    await page.getByTestId('filter-name').fill('Störungen dringend');
    await page.getByTestId('filter-name-save').click();
    const chip = page.getByTestId('saved-filter').filter({ hasText: 'Störungen dringend' });
    await chip.filter({ hasText: '1' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'inbox-filters.png') });

    await page.getByTestId('filters-clear').click();
    await page.locator(`[data-testid="conversation-list"]:not([data-total="1"])`).waitFor();
    await chip.click();
    await page.locator('[data-testid="conversation-list"][data-total="1"]').waitFor();
    await page.getByTestId('filters-clear').click();
  });

  it('selects rows with x, resolves them in bulk and undoes it with z', async () => {
    await page.getByTestId('view-open').click();
    await page.getByTestId('list-sort').selectOption('waiting');
    await rows().first().waitFor();
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const bar = page.getByTestId('bulk-bar');
    await bar.filter({ hasText: '2 selected' }).waitFor();
    // The two rows x ticked: each ticked box sits beside its row.
    const [a, b] = await page
      .locator('li:has([data-testid="row-check"]:checked) [data-testid="conversation-row"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation-id')!));
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    await page.screenshot({ path: path.join(shots, 'inbox-bulk.png') });
    await page.getByTestId('bulk-resolve').click();
    await bar.waitFor({ state: 'detached' });
    await page
      .locator(`[data-testid="conversation-row"][data-conversation-id="${a}"]`)
      .waitFor({ state: 'detached' });
    const statuses = async () =>
      Promise.all(
        [a, b].map(
          async (id) => (await stack.api(lea, 'GET', `/api/conversations/${id}`)).body.conversation.status,
        ),
      );
    expect(await statuses()).toEqual(['resolved', 'resolved']);

    await page.getByTestId('undo-toast').filter({ hasText: '2 conversations changed' }).waitFor();
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('z');
    await page.getByTestId('undo-outcome').filter({ hasText: 'Undone.' }).waitFor();
    await page.locator(`[data-testid="conversation-row"][data-conversation-id="${a}"]`).waitFor();
    expect(await statuses()).toEqual(['open', 'open']);
  });
});
