import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

/**
 * Issue 5, accessibility: every main screen passes axe-core's WCAG 2 A/AA rules (labelled controls,
 * contrast, roles), in English and German, and keyboard focus is always visible.
 */
describeIfChromium('accessibility of the main screens (Chromium, axe-core)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 300,
      clientDir: clientDistDir,
      facebook: true,
    });
    await simPost(stack.sim, {
      username: 'a11y_anja',
      text: `@${stack.brand.username} Mein Anschluss geht nicht`,
    });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const expectNoViolations = async (screen: string, selector?: string) => {
    const found = await axeViolations(page, selector);
    // Rule, impact, what it asks and where: enough to fix it from the failure message alone.
    expect(found.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`)).toEqual(
      [],
    );
  };

  it('login screen', async () => {
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').waitFor();
    await expectNoViolations('login');
  });

  it('inbox with an open conversation, the customer profile and the composer, in both languages', async () => {
    await page.getByTestId('login-email').fill('ben@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'a11y_anja' }).click({ timeout: 30_000 });
    await page.getByTestId('conversation-view').getByTestId('composer-input').waitFor();
    await expectNoViolations('inbox (en)');
    await page.getByTestId('language-switch').selectOption('de');
    await page.getByTestId('view-open').filter({ hasText: 'Offen' }).waitFor();
    await expectNoViolations('inbox (de)');
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('filters, a selected row with the bulk bar, and the shortcut help', async () => {
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-panel').waitFor();
    await page.getByTestId('row-check').first().check();
    await page.getByTestId('bulk-bar').waitFor();
    await expectNoViolations('filters and bulk bar');
    await page.getByTestId('bulk-clear').click();
    await page.getByTestId('filters-toggle').click();
    // Out of any text field, so "?" is a shortcut and not a character.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await expectNoViolations('shortcuts help');
    await page.keyboard.press('Escape');
  });

  it('account health', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-row').first().waitFor();
    await expectNoViolations('accounts');
    await page.screenshot({ path: path.join(shots, 'accounts-a11y.png') });
    await page.keyboard.press('Escape');
  });

  it('fits an admin’s header (every link) into 1366 px in both languages without horizontal scrolling', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    await admin.goto(stack.web.url);
    await admin.getByTestId('login-email').fill('admin@demo.caredesk');
    await admin.getByTestId('login-password').fill('caredesk-demo');
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId('nav-routing').waitFor();
    for (const language of ['en', 'de']) {
      await admin.getByTestId('language-switch').selectOption(language);
      await admin.waitForTimeout(200);
      const widths = await admin.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        header: document.querySelector('.app-header')?.scrollWidth ?? 0,
      }));
      expect(widths.page).toBeLessThanOrEqual(1366);
      expect(widths.header).toBeLessThanOrEqual(1366);
    }
    await admin.screenshot({ path: path.join(shots, 'header-admin-1366.png') });
    await admin.close();
  });

  it('shows where the keyboard focus is on every control it reaches', async () => {
    await page.goto(stack.web.url);
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    const missing: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible =
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          (style.boxShadow !== 'none' && style.boxShadow !== '');
        return {
          what: `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.className}]`,
          visible,
        };
      });
      if (focus !== null && !focus.visible) missing.push(focus.what);
    }
    expect(missing).toEqual([]);
  });
});
