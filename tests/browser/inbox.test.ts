import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { brandPosts, clientDistDir, postCustomer, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('the agent inbox in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(clientDistDir, 'index.html'))) {
      throw new Error(
        'client/dist is missing: the pretest step builds it (npm test), or run `npm run build`',
      );
    }
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 1000, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    (page as unknown as { cdErrors: string[] }).cdErrors = errors;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows a new mention live, sends the reply, shows it sent, and the reply is on X under the customer post', async () => {
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('anna@demo.caredesk');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });

    // The inbox is open before the customer writes: the row must arrive without a reload.
    const customerPost = await postCustomer(stack.sim, {
      username: 'petra_l',
      name: 'Petra Lange',
      text: `@${stack.brand.username} Mein Speedport zeigt seit gestern "DSL nicht synchron" 😡 https://example.com/foto`,
    });
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Petra Lange' });
    await row.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'inbox-new-mention.png') });
    await row.click();

    const view = page.getByTestId('conversation-view');
    await view.getByTestId('thread-message').filter({ hasText: 'DSL nicht synchron' }).waitFor();
    const composer = view.getByTestId('composer-input');
    await composer.fill('Hallo Petra, das schauen wir uns an! Bitte schick uns eine DM 👍');
    // 62 characters + 1 emoji (weighs 2) + " ^AB" (4) = 68 weighted.
    await expectText(view.getByTestId('composer-counter'), /^68 \/ 280$/);
    await view.getByTestId('composer-send').click();

    const outbound = view.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound
      .getByTestId('delivery-state')
      .and(page.locator('[data-state="sent"]'))
      .waitFor({ timeout: 20_000 });
    await expectText(outbound, /\^AB/);
    await page.screenshot({ path: path.join(shots, 'conversation-reply-sent.png') });

    const replies = (await brandPosts(stack.sim)).filter((p) => p.in_reply_to === customerPost);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe('Hallo Petra, das schauen wir uns an! Bitte schick uns eine DM 👍 ^AB');
    expect((page as unknown as { cdErrors: string[] }).cdErrors).toEqual([]);
  });

  it('shows a failed reply with the platform reason and a retry button', async () => {
    const post = await postCustomer(stack.sim, {
      username: 'gone_user',
      name: 'Gone User',
      text: `@${stack.brand.username} Vertrag kündigen??`,
    });
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Gone User' });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await fetch(`${stack.sim.url}/_sim/x/posts/${post}`, { method: 'DELETE' });
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('thread-message').filter({ hasText: 'Vertrag kündigen' }).waitFor();
    await view.getByTestId('composer-input').fill('Schade, dass du gehen möchtest.');
    await page.keyboard.press('Control+Enter');
    const outbound = view.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound
      .locator('[data-testid="delivery-state"][data-state="failed"]')
      .waitFor({ timeout: 20_000 });
    await expectText(outbound, /deleted or not visible/);
    await outbound.getByTestId('retry-button').waitFor();
    await page.screenshot({ path: path.join(shots, 'conversation-reply-failed.png') });
    await outbound.getByTestId('retry-button').click();
    // The post is still gone: the retry runs and fails again, visibly.
    await waitFor(
      async () => (await stack.core.db('conversation_events').where({ type: 'reply.retried' })).length === 1,
      {
        what: 'the retry to be recorded',
      },
    );
    await waitFor(
      async () => (await stack.core.db('conversation_events').where({ type: 'reply.failed' })).length === 2,
      {
        what: 'the second failure',
      },
    );
    await outbound
      .locator('[data-testid="delivery-state"][data-state="failed"]')
      .waitFor({ timeout: 20_000 });
    await expectText(outbound, /deleted or not visible/);
  });
});

async function expectText(locator: import('playwright-core').Locator, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent()) ?? '';
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${pattern} in "${last}"`);
}
