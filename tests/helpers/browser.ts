import type { Browser, Page } from 'playwright-core';

export interface SignInOptions {
  /** Where the app is (default: the stack's own URL; a proxy in the reconnect tests). */
  url: string;
  viewport?: { width: number; height: number };
  /** Install Playwright's fake clock before the app loads, so a test can fast-forward time. */
  fakeClock?: boolean;
  /** Wait until the realtime connection is up. */
  live?: boolean;
}

/** A fresh browser context signed in as a demo user, on the inbox. */
export async function signIn(browser: Browser, email: string, opts: SignInOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1366, height: 768 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  if (opts.fakeClock) await page.clock.install();
  await page.goto(opts.url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('caredesk-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
  if (opts.live) await page.locator('.live--live').waitFor();
  return page;
}
