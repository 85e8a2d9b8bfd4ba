import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { fbActivity, fbComment, fbPagePost } from '../helpers/fbSim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('Facebook comments in the inbox (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      clientDir: clientDistDir,
      facebook: true,
    });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('ben@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    await waitFor(
      async () => {
        const row = await stack.core
          .db('channel_accounts')
          .where({ id: stack.facebookAccountId })
          .first('poll_cursor');
        return row.poll_cursor?.feed;
      },
      { what: 'the first Facebook poll' },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('a comment arrives, the agent replies publicly, sends a private reply, and hides an abusive comment', async () => {
    const postId = await fbPagePost(stack.sim, 'Neue Tarife ab Dezember: mehr Datenvolumen für alle.');
    const commentId = await fbComment(stack.sim, {
      postId,
      from: 'Clara Kunde',
      message: 'Gilt das auch für Bestandskunden?',
    });
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Clara Kunde' });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const view = page.getByTestId('conversation-view');
    await view.getByTestId('context-post').filter({ hasText: 'Neue Tarife' }).waitFor();

    await view.getByTestId('composer-channel-public').click();
    await view.getByTestId('composer-input').fill('Ja, auch für Bestandskunden!');
    await view.getByTestId('composer-send').click();
    const outbound = view.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound
      .first()
      .locator('[data-testid="delivery-state"][data-state="sent"]')
      .waitFor({ timeout: 20_000 });

    await view.getByTestId('composer-channel-private_reply').click();
    await view
      .getByTestId('composer-input')
      .fill('Schick uns bitte deine Kundennummer, dann prüfen wir deinen Tarif.');
    await view.getByTestId('composer-send').click();
    const privateReply = outbound.filter({ has: page.getByTestId('message-private-reply-tag') });
    await privateReply
      .locator('[data-testid="delivery-state"][data-state="sent"]')
      .waitFor({ timeout: 20_000 });
    // One private reply per comment: the composer now says so and will not send another.
    const option = view.locator('[data-testid="composer-channel-private_reply"][data-allowed="false"]');
    await option.waitFor({ timeout: 10_000 });
    expect(await option.getAttribute('title')).toMatch(/already answered privately/i);
    await page.screenshot({ path: path.join(shots, 'facebook-public-and-private-reply.png') });

    const activity = await fbActivity(stack.sim);
    expect(activity.filter((a) => a.type === 'comment_reply' && a.object_id === commentId)).toHaveLength(1);
    expect(activity.filter((a) => a.type === 'private_reply' && a.object_id === commentId)).toHaveLength(1);

    const abusiveId = await fbComment(stack.sim, {
      postId,
      from: 'Rudi Rüpel',
      message: 'Ihr Abzocker!!! 🤬🤬🤬',
    });
    const abusiveRow = page.getByTestId('conversation-row').filter({ hasText: 'Rudi Rüpel' });
    await abusiveRow.waitFor({ timeout: 20_000 });
    await abusiveRow.click();
    const comment = view
      .locator('[data-testid="thread-message"][data-direction="inbound"]')
      .filter({ hasText: 'Abzocker' });
    await comment.getByTestId('moderate-hide').click();
    await comment.getByTestId('moderation-hidden').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(shots, 'facebook-hidden-comment.png') });
    await waitFor(
      async () => (await fbActivity(stack.sim)).some((a) => a.type === 'hide' && a.object_id === abusiveId),
      {
        what: 'the hide on Facebook',
      },
    );
  });
});
