import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { clientDistDir, postCustomer, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('reports in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(clientDistDir, 'index.html'))) {
      throw new Error('client/dist is missing: run `npm run build` first');
    }
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // Anna answers a customer, so today has a first response credited to her.
    const anna = await stack.login('anna@demo.caredesk');
    await postCustomer(stack.sim, {
      username: 'report_rosa',
      name: 'Rosa Report',
      text: `@${stack.brand.username} Kein Internet seit heute früh`,
    });
    const conv = await waitFor(
      async () =>
        (
          (await stack.api(anna, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === 'report_rosa'),
      { what: 'the conversation' },
    );
    await stack.api(anna, 'POST', `/api/conversations/${conv.id}/replies`, {
      text: 'Wir prüfen die Leitung.',
      idempotencyKey: 'report-browser-0001',
    });
    await waitFor(
      async () =>
        (await stack.core.db('response_metrics').where({ conversation_id: conv.id, kind: 'first' })).length >
          0 || undefined,
      { what: 'the first response metric' },
    );

    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('lea@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('opens reports from the header, changes the grouping, shows chart and table and downloads CSV', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-table').waitFor();
    expect(page.url()).toContain('#/reports');
    // Lea's profile is German. By day: a line chart with a text alternative, 30 days in the table, today with one first response.
    expect(await page.getByTestId('reports-chart').getAttribute('data-kind')).toBe('line');
    expect(await page.getByTestId('reports-chart').locator('canvas').getAttribute('aria-label')).toContain(
      'Erste Antwortzeit', // Lea works in German
    );
    expect(await page.getByTestId('reports-table').locator('tbody tr').count()).toBe(30);
    const counts = await page
      .getByTestId('reports-table')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(1);

    await page.getByTestId('reports-group').selectOption('agent');
    await page.getByTestId('reports-table').locator('tbody th', { hasText: 'Anna Berger' }).waitFor();
    expect(await page.getByTestId('reports-chart').getAttribute('data-kind')).toBe('bar');
    const annaRow = page.getByTestId('reports-table').locator('tbody tr', { hasText: 'Anna Berger' });
    expect(await annaRow.locator('td').first().textContent()).toBe('1');
    await page.screenshot({ path: path.join(shots, 'reports.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('reports-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^caredesk-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-agent\.csv$/,
    );
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('group,label,inbound,conversations,resolved,frt_count');
    expect(text).toMatch(/,Anna Berger,0,0,0,1,/);
    expect(pageErrors).toEqual([]);
  });
});
