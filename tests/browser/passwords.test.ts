import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { signIn } from '../helpers/browser';
import { clientDistDir, type Stack, startStack } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

/** Issue 7 point 1 in the browser: an admin reset with a forced change, and changing one's own password. */
describeIfChromium('passwords (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const login = async (page: Page, email: string, password: string) => {
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  };

  it('an admin resets a password; the user must choose a new one, then changes it again from the header', async () => {
    const admin = await signIn(browser, 'admin@demo.caredesk', { url: stack.web.url });
    await admin.goto(`${stack.web.url}/#/users`);
    const row = admin.getByTestId('user-row-ben@demo.caredesk');
    await row.getByTestId('user-reset-password').click();
    const shown = await row.getByTestId('user-temporary-password').locator('code').textContent();
    expect(shown?.length).toBeGreaterThanOrEqual(16);

    const ben = await (
      await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
    ).newPage();
    await login(ben, 'ben@demo.caredesk', 'caredesk-demo');
    await ben.getByTestId('login-error').waitFor();
    await login(ben, 'ben@demo.caredesk', shown!);
    // Nothing but the forced change until it is done.
    await ben.getByTestId('password-form').waitFor();
    expect(await ben.getByTestId('conversation-list').count()).toBe(0);
    await ben.getByTestId('password-current').fill(shown!);
    await ben.getByTestId('password-new').fill('ein-neues-langes-passwort');
    await ben.getByTestId('password-submit').click();
    await ben.getByTestId('conversation-list').waitFor({ state: 'attached' });

    // Later, by choice, from the user chip in the header.
    await ben.getByTestId('nav-password').click();
    await ben.getByTestId('password-form').getByText('Change your password').waitFor();
    await ben.getByTestId('password-current').fill('ein-neues-langes-passwort');
    await ben.getByTestId('password-new').fill('noch-ein-anderes-passwort');
    await ben.screenshot({ path: path.join(shots, 'password-change.png') });
    await ben.getByTestId('password-submit').click();
    await ben.getByTestId('password-form').waitFor({ state: 'detached' });
    await ben.getByTestId('logout-button').click();
    await login(ben, 'ben@demo.caredesk', 'noch-ein-anderes-passwort');
    await ben.getByTestId('conversation-list').waitFor({ state: 'attached' });
  });
});
