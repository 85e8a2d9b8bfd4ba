import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('inbox workflow by keyboard (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let ben: string;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    ben = await stack.login('ben@demo.caredesk');
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
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

  it('moves with j/k, opens with Enter, claims with c, writes a note with n and an @mention, and shows the shortcuts with ?', async () => {
    await simPost(stack.sim, { username: 'kbd_kim', text: `@${stack.brand.username} Erste Frage` });
    await page.getByTestId('conversation-row').filter({ hasText: 'kbd_kim' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="view-unassigned"][data-count="1"]').waitFor({ timeout: 10_000 });

    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('thread-message').filter({ hasText: 'Erste Frage' }).waitFor();
    await page.keyboard.press('c');
    await view.getByTestId('conversation-assignee').filter({ hasText: 'Anna Berger' }).waitFor();
    await page.locator('[data-testid="view-mine"][data-count="1"]').waitFor({ timeout: 10_000 });

    await page.keyboard.press('n');
    await page.keyboard.type('Bitte übernimm morgen @Ben');
    await view.getByTestId('mention-option').first().click();
    await page.keyboard.press('Control+Enter');
    await view.locator('[data-testid="thread-message"][data-direction="note"]').waitFor({ timeout: 10_000 });
    expect(await stack.sim.state.stats().brandPostsCreated).toBe(0);

    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await page.screenshot({ path: path.join(shots, 'workflow-shortcuts.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-help').waitFor({ state: 'detached' });
  });

  it("asks before replying on a colleague's conversation and takes it over when confirmed", async () => {
    await simPost(stack.sim, { username: 'taken_tara', text: `@${stack.brand.username} Wer hilft mir?` });
    const conv = await waitFor(
      async () =>
        (
          (await stack.api(ben, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === 'taken_tara'),
      { what: 'the conversation' },
    );
    await stack.api(ben, 'POST', `/api/conversations/${conv.id}/claim`);
    await page.getByTestId('view-open').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'taken_tara' }).click();
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('conversation-assignee').filter({ hasText: 'Ben Okafor' }).waitFor();
    await view.getByTestId('composer-channel-public').click();
    await view.getByTestId('composer-input').fill('Ich helfe dir, Tara.');
    await view.getByTestId('composer-send').click();
    await view.getByTestId('takeover-prompt').waitFor();
    await page.screenshot({ path: path.join(shots, 'workflow-takeover.png') });
    await view.getByTestId('takeover-confirm').click();
    await view
      .locator('[data-testid="thread-message"][data-direction="outbound"] [data-state="sent"]')
      .waitFor({ timeout: 20_000 });
    await view.getByTestId('conversation-assignee').filter({ hasText: 'Anna Berger' }).waitFor();
    const events = (
      await stack.core
        .db('conversation_events')
        .where({ conversation_id: conv.id, type: 'conversation.takeover' })
    ).length;
    expect(events).toBe(1);
  });

  it('shows times in the time zone and language stored in the profile, across a reload', async () => {
    const time = page
      .getByTestId('conversation-view')
      .locator('[data-direction="inbound"] .msg__time')
      .first();
    const at = (await time.getAttribute('datetime'))!;
    const clock = (zone: string) =>
      new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
        new Date(at),
      );
    // Anna's profile: German, Europe/Berlin; the browser runs in UTC.
    await expect(time.textContent()).resolves.toBe(clock('Europe/Berlin'));

    await page.getByTestId('time-zone-select').selectOption('Asia/Tokyo');
    await time.filter({ hasText: clock('Asia/Tokyo') }).waitFor();
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('view-open').filter({ hasText: 'Open' }).waitFor();

    await page.reload();
    await page.getByTestId('conversation-view').waitFor();
    await time.waitFor();
    expect(await page.getByTestId('time-zone-select').inputValue()).toBe('Asia/Tokyo');
    await page.getByTestId('view-open').filter({ hasText: 'Open' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user).toMatchObject({ locale: 'en', timeZone: 'Asia/Tokyo' });
  });
});
