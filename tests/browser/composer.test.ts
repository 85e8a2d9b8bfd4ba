import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { signReply, xLengthInfo } from '../../common/xText';
import { brandPosts, clientDistDir, postCustomer, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

async function expectValue(locator: Locator, expected: string) {
  await waitFor(async () => (await locator.inputValue()) === expected, {
    what: `the composer to read "${expected}" (it reads "${await locator.inputValue()}")`,
    timeoutMs: 10_000,
  });
}

describeIfChromium('composer: canned responses and drafts (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 1000, clientDir: clientDistDir });
    const lead = await stack.login('lea@demo.caredesk');
    for (const body of [
      {
        shortcut: 'refund',
        title: 'Refund on the way',
        body: 'Hi {{customer.name}}, {{agent.name}} ({{agent.initials}}) here: your refund is on its way.',
        language: 'en',
      },
      { shortcut: 'router', title: 'Router restart', body: 'Please restart your router.', language: 'en' },
    ]) {
      const res = await stack.api(lead, 'POST', '/api/canned-responses', body);
      if (res.status !== 201)
        throw new Error(`could not create canned response: ${JSON.stringify(res.body)}`);
    }
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

  it('inserts ";ref" with the customer and agent filled in, keeps the draft over a reload, and forgets it once sent', async () => {
    const customerPost = await postCustomer(stack.sim, {
      username: 'jana_k',
      name: 'Jana Kühn',
      text: `@${stack.brand.username} Where is my refund?`,
    });
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Jana Kühn' });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('thread-message').filter({ hasText: 'Where is my refund?' }).waitFor();

    const input = view.getByTestId('composer-input');
    await input.click();
    await input.pressSequentially('Hello! ;r');
    const picker = view.getByTestId('canned-picker');
    const option = (shortcut: string) =>
      picker.locator(`[data-testid="canned-option"][data-shortcut="${shortcut}"]`);
    await option('router').waitFor();
    expect(await option('refund').getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowDown');
    await waitFor(async () => (await option('router').getAttribute('aria-selected')) === 'true', {
      what: 'ArrowDown to highlight the second response',
    });
    await input.press('ArrowUp');
    await waitFor(async () => (await option('refund').getAttribute('aria-selected')) === 'true', {
      what: 'ArrowUp to highlight the first again',
    });
    // Escape closes the picker and keeps what was typed.
    await input.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expectValue(input, 'Hello! ;r');

    // Typing on does not bring it back; a new ";" does.
    await input.pressSequentially('e');
    expect(await picker.count()).toBe(0);
    for (let i = 0; i < 3; i++) await input.press('Backspace');
    await expectValue(input, 'Hello! ');
    await input.pressSequentially(';ref');
    await option('refund').waitFor();
    expect(await picker.locator('[data-testid="canned-option"]').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'composer.png') });
    await input.press('Enter');
    await picker.waitFor({ state: 'detached' });

    const expected = 'Hello! Hi Jana Kühn, Anna Berger (AB) here: your refund is on its way.';
    await expectValue(input, expected);
    const weighted = xLengthInfo(signReply(expected, 'AB')).weightedLength;
    await waitFor(
      async () => (await view.getByTestId('composer-counter').textContent()) === `${weighted} / 280`,
      {
        what: 'the weighted length to count the inserted text',
      },
    );

    // The draft survives a reload of the page.
    await page.reload();
    const again = page.getByTestId('conversation-view').getByTestId('composer-input');
    await again.waitFor();
    await expectValue(again, expected);

    await page.getByTestId('conversation-view').getByTestId('composer-send').click();
    const outbound = page
      .getByTestId('conversation-view')
      .locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.locator('[data-testid="delivery-state"][data-state="sent"]').waitFor({ timeout: 20_000 });
    await expectValue(again, '');
    const replies = (await brandPosts(stack.sim)).filter((p) => p.in_reply_to === customerPost);
    expect(replies.map((p) => p.text)).toEqual([`${expected} ^AB`]);

    // Sent, so nothing comes back after another reload.
    await page.reload();
    const afterSend = page.getByTestId('conversation-view').getByTestId('composer-input');
    await afterSend.waitFor();
    await page.getByTestId('conversation-view').getByTestId('thread-message').first().waitFor();
    expect(await afterSend.inputValue()).toBe('');
    const drafts = await page.evaluate(() =>
      Object.keys(window.localStorage).filter((key) => key.startsWith('caredesk.draft')),
    );
    expect(drafts).toEqual([]);
  });

  it('lets a lead create, edit and delete canned responses, and shows a taken shortcut plainly', async () => {
    const leadPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    try {
      await leadPage.goto(stack.web.url);
      await leadPage.getByTestId('login-email').fill('lea@demo.caredesk');
      await leadPage.getByTestId('login-password').fill('caredesk-demo');
      await leadPage.getByTestId('login-submit').click();
      // Anna answered it, so it waits for the customer: under All, not Open.
      await leadPage.getByTestId('view-all').click();
      const row = leadPage.getByTestId('conversation-row').filter({ hasText: 'Jana Kühn' });
      await row.waitFor({ timeout: 20_000 });
      await row.click();
      const view = leadPage.getByTestId('conversation-view');
      await view.getByTestId('composer-canned-button').click();
      await view.getByTestId('canned-search').waitFor();
      await view.getByTestId('canned-manage').click();
      const manager = leadPage.getByTestId('canned-manager');
      await manager.waitFor();

      const fill = async (shortcut: string, title: string, body: string) => {
        await manager.getByTestId('canned-field-shortcut').fill(shortcut);
        await manager.getByTestId('canned-field-title').fill(title);
        await manager.getByTestId('canned-field-body').fill(body);
        await manager.getByTestId('canned-save').click();
      };
      await manager.getByTestId('canned-new').click();
      await fill('refund', 'Duplicate', 'Hallo {{customer.name}}');
      const error = manager.getByTestId('canned-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('"refund" is already in use');

      await fill('danke', 'Danke', 'Danke für deine Geduld, {{customer.name}}!');
      const created = manager.locator('[data-testid="canned-manager-row"][data-shortcut="danke"]');
      await created.waitFor();
      await created.getByTestId('canned-edit').click();
      await fill('danke', 'Danke sehr', 'Danke für deine Geduld, {{customer.name}}!');
      await created.filter({ hasText: 'Danke sehr' }).waitFor();
      await leadPage.screenshot({ path: path.join(shots, 'canned-manager.png') });

      leadPage.once('dialog', (dialog) => void dialog.accept());
      await created.getByTestId('canned-delete').click();
      await created.waitFor({ state: 'detached' });
      const lead = await stack.login('lea@demo.caredesk');
      const list = await stack.api(lead, 'GET', '/api/canned-responses');
      expect(list.body.items.map((c: { shortcut: string }) => c.shortcut).sort()).toEqual([
        'refund',
        'router',
      ]);
    } finally {
      await leadPage.close();
    }
  });
});
