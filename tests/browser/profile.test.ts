import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse, ConversationSummary } from '../../common/types';
import { axeViolations } from '../helpers/axe';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
describeIfChromium('customer profile and @mention notifications (Chromium, two agents)', () => {
  let stack: Stack;
  let browser: Browser;
  let annaPage: Page;
  let benPage: Page;
  let annaCookie: string;

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    // The socket is up: from now on, events reach this page live.
    await page.locator('.live.live--live').waitFor();
    return page;
  };

  const conversationWith = (text: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(annaCookie, 'GET', '/api/conversations?status=all'))
            .body as ConversationListResponse
        ).items.find(
          (c: ConversationSummary) => c.contact.handle === 'profil_pia' && c.snippet.includes(text),
        ),
      { what: `the conversation "${text}"` },
    );

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    annaCookie = await stack.login('anna@demo.caredesk');
    browser = await chromium.launch(chromiumLaunchOptions());
    annaPage = await signIn('anna@demo.caredesk');
    benPage = await signIn('ben@demo.caredesk');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("Anna mentions @ben in a note; Ben's bell shows it live, he opens it by keyboard and sees the customer's past conversations", async () => {
    // Pia wrote before (resolved since) and writes again today.
    await simPost(stack.sim, {
      username: 'profil_pia',
      name: 'Pia Profil',
      text: `@${stack.brand.username} Router kaputt`,
    });
    const earlier = await conversationWith('Router kaputt');
    await stack.api(annaCookie, 'PATCH', `/api/conversations/${earlier.id}`, { status: 'resolved' });
    await simPost(stack.sim, {
      username: 'profil_pia',
      name: 'Pia Profil',
      text: `@${stack.brand.username} Rechnung doppelt`,
    });
    const current = await conversationWith('Rechnung doppelt');

    const bell = benPage.getByTestId('notification-bell');
    await expect(bell.getAttribute('data-unread')).resolves.toBe('0');

    await annaPage.getByTestId('conversation-row').filter({ hasText: 'profil_pia' }).click();
    const annaView = annaPage.getByTestId('conversation-view');
    await annaView.getByTestId('thread-message').filter({ hasText: 'Rechnung doppelt' }).waitFor();
    await annaPage.locator('body').click({ position: { x: 5, y: 700 } });
    await annaPage.keyboard.press('n');
    await annaPage.keyboard.type('Kannst du das prüfen @ben');
    await annaView.getByTestId('mention-option').first().click();
    await annaPage.keyboard.press('Control+Enter');
    await annaView
      .locator('[data-testid="thread-message"][data-direction="note"]')
      .waitFor({ timeout: 10_000 });

    // Live: Ben's page was not reloaded.
    await benPage.locator('[data-testid="notification-bell"][data-unread="1"]').waitFor({ timeout: 10_000 });
    await expect(benPage.getByTestId('notification-count').textContent()).resolves.toBe('1');
    // Anna mentioned someone else: her own bell stays quiet.
    await expect(annaPage.getByTestId('notification-bell').getAttribute('data-unread')).resolves.toBe('0');

    // Keyboard only: focus the bell, open it (focus moves to the newest entry), Enter opens it.
    await bell.focus();
    await benPage.keyboard.press('Enter');
    const panel = benPage.getByTestId('notification-panel');
    await panel.waitFor();
    const item = panel.getByTestId('notification-item').first();
    await expect(item.textContent()).resolves.toContain(
      'Anna Berger mentioned you in Pia Profil: Kannst du das prüfen @',
    );
    await expect(item.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect((await axeViolations(benPage, '[data-testid="notification-panel"]')).map((v) => v.id)).toEqual([]);
    await benPage.screenshot({ path: path.join(shots, 'notifications.png') });
    await benPage.keyboard.press('Enter');

    const benView = benPage.getByTestId('conversation-view');
    await benView.getByTestId('thread-message').filter({ hasText: 'Rechnung doppelt' }).waitFor();
    await benView.locator('[data-testid="thread-message"][data-direction="note"]').waitFor();
    expect(new URL(benPage.url()).hash).toBe(`#/conversations/${current.id}`);
    await panel.waitFor({ state: 'detached' });
    await benPage.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await stack.core.db('notifications').whereNotNull('read_at')).length === 1, {
      what: 'the notification stored as read',
    });

    // The profile beside the thread: Pia, with both conversations and how they ended.
    const profile = benPage.getByTestId('profile-panel');
    await profile.getByTestId('profile-name').filter({ hasText: 'Pia Profil' }).waitFor();
    const rows = profile.getByTestId('profile-conversation');
    await rows.nth(1).waitFor();
    const listed = await rows.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-conversation-id'), el.getAttribute('data-outcome')]),
    );
    expect(listed).toEqual([
      [current.id, 'open'],
      [earlier.id, 'resolved'],
    ]);
    await expect(profile.getByTestId('profile-total').textContent()).resolves.toBe('2 conversations in all');
    expect((await axeViolations(benPage, '[data-testid="profile-panel"]')).map((v) => v.id)).toEqual([]);
    await benPage.screenshot({ path: path.join(shots, 'profile.png') });

    // Clicking the earlier one opens it.
    await rows.nth(1).getByRole('link').click();
    await benView.getByTestId('thread-message').filter({ hasText: 'Router kaputt' }).waitFor();
    expect(new URL(benPage.url()).hash).toBe(`#/conversations/${earlier.id}`);
    await profile.locator(`[data-conversation-id="${earlier.id}"] [aria-current="page"]`).waitFor();

    // The panel folds away and comes back.
    const toggle = profile.getByTestId('profile-toggle');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await profile.getByTestId('profile-conversation').first().waitFor({ state: 'detached' });
    await toggle.click();
    await rows.nth(1).waitFor();
  });
});
