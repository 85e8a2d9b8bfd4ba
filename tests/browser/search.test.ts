import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { clientDistDir, postCustomer, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('full-text search in Chromium', () => {
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
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('anna@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('finds a resolved conversation with "/", a German query and Enter, and opens it from the results', async () => {
    const cookie = await stack.login('ben@demo.caredesk');
    await postCustomer(stack.sim, {
      username: 'rita_rech',
      name: 'Rita Rechenberg',
      text: `@${stack.brand.username} Die Rechnung für Oktober ist doppelt abgebucht <img src=x onerror=alert(1)>`,
    });
    await postCustomer(stack.sim, {
      username: 'other_otto',
      name: 'Otto Anders',
      text: `@${stack.brand.username} Mein Router blinkt rot`,
    });
    const all = async () =>
      ((await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse)
        .items;
    const rita = await waitFor(async () => (await all()).find((c) => c.contact.handle === 'rita_rech'), {
      what: "Rita's conversation",
    });
    await waitFor(async () => (await all()).some((c) => c.contact.handle === 'other_otto'), {
      what: "Otto's conversation",
    });
    // Resolved, so it is not in the Open view the agent is looking at: only the server search finds it.
    await stack.api(cookie, 'PATCH', `/api/conversations/${rita.id}`, { status: 'resolved' });
    await page.getByTestId('conversation-row').filter({ hasText: 'other_otto' }).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('conversation-row')
      .filter({ hasText: 'rita_rech' })
      .waitFor({ state: 'detached' });

    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('/');
    await page.keyboard.type('Rechnungen');
    await page.keyboard.press('Enter');
    const results = page.getByTestId('search-results');
    const hit = results.getByTestId('search-result').filter({ hasText: 'Rita Rechenberg' });
    await hit.waitFor({ timeout: 10_000 });
    expect(await results.getByTestId('search-result').count()).toBe(1);
    await expect(hit.locator('mark').allTextContents()).resolves.toEqual(['Rechnung']);
    // The customer's markup is shown as text, not turned into an element.
    expect(await hit.getByTestId('search-snippet').textContent()).toContain('<img src=x onerror=alert');
    expect(await results.locator('img').count()).toBe(0);
    expect(await hit.locator('.pill--resolved').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'search.png') });

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('thread-message').filter({ hasText: 'doppelt abgebucht' }).waitFor();
    expect(page.url()).toContain(rita.id);

    await page.keyboard.press('Escape');
    await results.waitFor({ state: 'detached' });
    await page.getByTestId('conversation-row').filter({ hasText: 'other_otto' }).waitFor();
    expect(await page.getByTestId('list-search').inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
