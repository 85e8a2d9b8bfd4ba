import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { simPost, simPostsBy } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

/**
 * The approval flow in two browsers: Gina (community guide) submits a reply for approval, Anna (agent)
 * edits and approves it from the drafts menu, the simulator receives exactly that text once, and Gina
 * sees "Approved" and a notification, live.
 */
describeIfChromium('reply approval (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    return page;
  };

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.close();
  });

  it('guide submits, agent edits and approves in another browser, the customer gets exactly that text once, the guide sees Approved', async () => {
    const cookie = await stack.login('anna@demo.caredesk');
    const postId = await simPost(stack.sim, {
      username: 'router_ruth',
      text: `@${stack.brand.username} Mein Internet geht seit heute Morgen nicht`,
    });
    await waitFor(
      async () =>
        (
          (await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === 'router_ruth'),
      { what: 'the conversation' },
    );

    // Gina, community guide: her send button submits for approval.
    const gina = await signIn('gina@demo.caredesk');
    await gina.getByTestId('conversation-row').filter({ hasText: 'router_ruth' }).click();
    const ginaView = gina.getByTestId('conversation-view');
    await ginaView.getByTestId('thread-message').filter({ hasText: 'Internet' }).waitFor();
    await ginaView.getByTestId('composer-input').fill('Starte mal den Router neu');
    const submit = ginaView.getByTestId('composer-send');
    expect(await submit.textContent()).toBe('Submit for approval');
    await submit.click();
    const ginaDraft = ginaView.locator('[data-testid="thread-message"][data-delivery="draft"]');
    await ginaDraft.getByTestId('approval-state').filter({ hasText: 'Awaiting approval' }).waitFor();
    // Gina cannot approve her own draft, and nothing reached X.
    expect(await ginaDraft.getByTestId('approve-button').count()).toBe(0);
    expect(
      (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === postId),
    ).toHaveLength(0);

    // Anna, agent, in another browser: the drafts menu counts it and opens the conversation.
    const anna = await signIn('anna@demo.caredesk');
    await anna.locator('[data-testid="drafts-button"][data-count="1"]').waitFor({ timeout: 10_000 });
    await anna.getByTestId('drafts-button').click();
    await anna.getByTestId('pending-draft').filter({ hasText: 'Gina Rossi' }).click();
    const annaView = anna.getByTestId('conversation-view');
    const annaDraft = annaView.locator(`[data-testid="thread-message"][data-delivery="draft"]`);
    await annaDraft.getByTestId('edit-approve-button').click();
    const edited = 'Bitte starte deinen Router einmal neu, dann sollte es wieder gehen.';
    await annaDraft.getByTestId('approve-edit-text').fill(edited);
    await anna.screenshot({ path: path.join(shots, 'approvals-review.png') });
    await annaDraft.getByTestId('approve-edited-button').click();
    // The draft leaves the `draft` state in the database once approved (stated, so a failure says where it stopped).
    await waitFor(
      async () => {
        const row = await stack.core.db('messages').where({ direction: 'outbound' }).first();
        if (row?.delivery_state === 'draft') throw new Error(`still a draft (${row.approval_state})`);
        return row;
      },
      { what: 'the draft approved' },
    );

    // The customer gets exactly the edited text, signed by the approver, once.
    const expected = `${edited} ^AB`;
    const posted = await waitFor(
      async () => {
        const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter(
          (p) => p.in_reply_to === postId,
        );
        return replies.length > 0 ? replies : null;
      },
      // Up to the sweeper's 30 s: on a loaded machine a lost job is re-enqueued from the outbox row.
      { what: 'the approved reply on X', timeoutMs: 60_000 },
    );
    await annaView
      .locator(`[data-testid="thread-message"][data-delivery="sent"]`)
      .getByTestId('approval-state')
      .waitFor();
    const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter(
      (p) => p.in_reply_to === postId,
    );
    expect(replies).toHaveLength(1);
    expect(posted[0]!.text).toBe(expected);

    // Gina sees the outcome live in the thread and in her notifications.
    const ginaReply = ginaView.locator('[data-testid="thread-message"][data-delivery="sent"]');
    await ginaReply
      .getByTestId('approval-state')
      .filter({ hasText: 'Approved' })
      .waitFor({ timeout: 15_000 });
    expect(await ginaReply.textContent()).toContain('Approved by Anna Berger');
    expect(await ginaReply.textContent()).toContain(expected);
    await gina.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await gina.getByTestId('notification-bell').click();
    await gina
      .getByTestId('notification-item')
      .filter({ hasText: 'Anna Berger approved your reply to router_ruth' })
      .waitFor();
    await gina.screenshot({ path: path.join(shots, 'approvals.png') });
    // The guide's composer (longer button, the approval hint) fits the screen.
    expect(await gina.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
