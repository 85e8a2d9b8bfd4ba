import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { simDm, simDmsWith, simFault, simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('X channel in the inbox (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const alerts: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('ben@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows media, links and a DM in one timeline, inert, and lets the agent answer by DM or in public', async () => {
    const brand = stack.brand.username;
    await simPost(stack.sim, {
      username: 'rich_rosa',
      name: 'Rosa <img src=x onerror=alert(1)>',
      text: `@${brand} Router kaputt #störung https://example.com/foto <script>alert(2)</script>`,
      media: [
        { type: 'photo', url: 'https://pbs.twimg.com/media/router.jpg', alt_text: 'Router mit roter LED' },
      ],
    });
    const row = page.getByTestId('conversation-row').filter({ hasText: 'rich_rosa' });
    await row.waitFor({ timeout: 20_000 });
    await simDm(stack.sim, { username: 'rich_rosa' }, 'Meine Kundennummer: 555-123');
    await row.click();
    const view = page.getByTestId('conversation-view');
    const dm = view.locator('[data-testid="thread-message"][data-channel="dm"]');
    await dm.waitFor({ timeout: 20_000 });
    await dm.getByTestId('message-dm-tag').waitFor();

    const publicMsg = view.locator('[data-testid="thread-message"][data-channel="public"]').first();
    expect(await publicMsg.getByTestId('message-media').locator('img').getAttribute('alt')).toBe(
      'Router mit roter LED',
    );
    const link = publicMsg.locator('a[href="https://example.com/foto"]');
    expect(await link.count()).toBe(1);
    expect(
      await publicMsg
        .locator('a[href="https://x.com/hashtag/störung"], a[href="https://x.com/hashtag/st%C3%B6rung"]')
        .count(),
    ).toBe(1);
    // Customer text is text: the script tag is shown, not run; no element was injected.
    expect(await publicMsg.textContent()).toContain('<script>alert(2)</script>');
    expect(await view.locator('script, img[src="x"]').count()).toBe(0);

    // The customer wrote last by DM: the composer offers DM first.
    expect(await view.getByTestId('composer-channel-dm').locator('input').isChecked()).toBe(true);
    await view.getByTestId('composer-input').fill('Danke Rosa, wir prüfen 555-123.');
    await view.getByTestId('composer-send').click();
    const outDm = view.locator(
      '[data-testid="thread-message"][data-direction="outbound"][data-channel="dm"]',
    );
    await outDm.locator('[data-testid="delivery-state"][data-state="sent"]').waitFor({ timeout: 20_000 });
    expect(
      (await simDmsWith(stack.sim, 'rich_rosa')).filter((d) => d.sender === brand).map((d) => d.text),
    ).toEqual(['Danke Rosa, wir prüfen 555-123. ^BO']);

    await view.getByTestId('composer-channel-public').click();
    await view
      .getByTestId('composer-input')
      .fill('Wir melden uns öffentlich, sobald die Störung behoben ist.');
    await view.getByTestId('composer-send').click();
    const outPublic = view.locator(
      '[data-testid="thread-message"][data-direction="outbound"][data-channel="public"]',
    );
    await outPublic.locator('[data-testid="delivery-state"][data-state="sent"]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'x-rich-content-and-dm.png') });
    expect(alerts).toEqual([]);
  });

  it('shows the account health view, and a live red banner when the token is revoked', async () => {
    await page.getByTestId('nav-accounts').click();
    const health = page.getByTestId('account-health');
    const accountRow = health.getByTestId('account-row');
    await accountRow.waitFor();
    expect(await accountRow.getAttribute('data-account-status')).toBe('active');
    await accountRow.getByTestId('account-budget').waitFor();
    expect(await accountRow.getByTestId('account-stream').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(shots, 'x-account-health.png') });

    await simFault(stack.sim, 'GET /2/users/:id/mentions', 'revoke', 1);
    await page.getByTestId('account-alert').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('account-alert').textContent()).toContain(stack.brand.username);
    await page
      .locator('[data-testid="account-row"][data-account-status="needs_reauth"]')
      .waitFor({ timeout: 20_000 });
    expect(await accountRow.getByTestId('account-last-error').textContent()).toMatch(/token/i);
    await page.screenshot({ path: path.join(shots, 'x-account-needs-reauth.png') });
  });
});
