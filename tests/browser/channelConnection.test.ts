import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { signIn } from '../helpers/browser';
import { clientDistDir, type Stack, startStack } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

/** Issue 7 point 4 in the browser: an admin connects an X account through the simulator's authorize page. */
describeIfChromium('channel connection in Chromium', () => {
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
    page = await signIn(browser, 'admin@demo.caredesk', { url: stack.web.url });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('connects X with OAuth 2.0: consent page on the simulator, back to the accounts screen', async () => {
    const id = stack.channelAccountId;
    const before = await stack.core.db('channel_accounts').where({ id }).first('credentials_encrypted');
    await page.goto(`${stack.web.url}/#/accounts`);
    await page.getByTestId('connect-channels').waitFor();
    expect(await axeViolations(page, '[data-testid="connect-channels"]')).toEqual([]);

    await page.getByTestId('connect-x-oauth').click();
    await page.waitForURL((url) => url.pathname === '/i/oauth2/authorize');
    expect(page.url().startsWith(stack.sim.url)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'x-oauth-consent.png') });
    await page.getByRole('button', { name: 'Authorize app' }).click();

    const banner = page.getByTestId('connect-result');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('The account is connected.');
    // The callback's query is removed, so a reload does not show the banner again.
    expect(new URL(page.url()).search).toBe('');
    await page.screenshot({ path: path.join(shots, 'x-oauth-connected.png') });

    const after = await stack.core
      .db('channel_accounts')
      .where({ id })
      .first('credentials_encrypted', 'status');
    expect(after.status).toBe('active');
    expect(after.credentials_encrypted).not.toBe(before.credentials_encrypted);
    const creds = JSON.parse(stack.core.secretBox.open(after.credentials_encrypted));
    expect(creds.kind).toBe('oauth2');
    // The browser never saw the token.
    expect(await page.content()).not.toContain(creds.accessToken);
    expect(pageErrors).toEqual([]);
  });

  it('disconnects an account after confirmation', async () => {
    const card = page.locator(`[data-account-id="${stack.channelAccountId}"]`);
    await card.getByTestId('account-disconnect').click();
    await card.getByTestId('account-disconnect-confirm').click();
    await page
      .locator(`[data-account-id="${stack.channelAccountId}"][data-account-status="disabled"]`)
      .waitFor();
    const row = await stack.core.db('channel_accounts').where({ id: stack.channelAccountId }).first();
    expect(row).toMatchObject({ status: 'disabled', credentials_encrypted: null });
  });
});
