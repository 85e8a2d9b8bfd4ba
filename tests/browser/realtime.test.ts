import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse, ConversationSummary, ViewCountsResponse } from '../../common/types';
import { signIn } from '../helpers/browser';
import { startNetProxy } from '../helpers/netProxy';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('live collaboration (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let ben: string;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    ben = await stack.login('ben@demo.caredesk');
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signInAs = (email: string, opts: { url?: string; fakeClock?: boolean } = {}) =>
    signIn(browser, email, {
      url: opts.url ?? stack.web.url,
      fakeClock: opts.fakeClock ?? false,
      live: true,
    });
  const list = async (view: string) =>
    (
      (await stack.api(ben, 'GET', `/api/conversations?status=${view}&limit=200`))
        .body as ConversationListResponse
    ).items;
  const newConversation = async (handle: string, text: string): Promise<ConversationSummary> => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} ${text}` });
    return waitFor(async () => (await list('all')).find((c) => c.contact.handle === handle), {
      what: `@${handle}`,
    });
  };
  const openRow = async (page: Page, handle: string) => {
    await page.getByTestId('conversation-row').filter({ hasText: handle }).click();
    await page.getByTestId('conversation-view').getByTestId('composer-input').waitFor();
  };

  it('shows who views and who replies, in the list and the conversation, and asks before a second reply', async () => {
    const conversation = await newConversation('presence_pia', 'Mein Router blinkt rot.');
    const annaPage = await signInAs('anna@demo.caredesk');
    const benPage = await signInAs('ben@demo.caredesk');

    await openRow(benPage, 'presence_pia');
    const row = annaPage.locator(
      `[data-testid="conversation-row"][data-conversation-id="${conversation.id}"]`,
    );
    await row.getByTestId('row-viewers').filter({ hasText: 'BO' }).waitFor();

    await openRow(annaPage, 'presence_pia');
    const annaView = annaPage.getByTestId('conversation-view');
    await annaView.getByTestId('presence-colleague').filter({ hasText: 'BO' }).waitFor();

    await benPage.getByTestId('composer-input').pressSequentially('Ich schaue mir das an', { delay: 20 });
    await annaView.locator('[data-testid="presence-colleague"][data-typing="true"]').waitFor();
    // Anna's profile language is German.
    await annaView.getByText('Ben Okafor antwortet gerade…').waitFor();

    await annaView.getByTestId('composer-input').fill('Hallo Pia, bitte starte den Router neu.');
    await annaView.getByTestId('composer-send').click();
    await annaView.getByTestId('replying-prompt').waitFor();
    expect(await annaView.getByTestId('replying-prompt').textContent()).toContain(
      'Ben Okafor antwortet gerade. Trotzdem senden?',
    );
    await annaPage.screenshot({ path: path.join(shots, 'presence-replying.png') });
    expect(stack.sim.state.stats().brandPostsCreated).toBe(0);
    await annaView.getByTestId('replying-confirm').click();
    await annaView
      .locator('[data-testid="thread-message"][data-direction="outbound"] [data-state="sent"]')
      .waitFor({ timeout: 20_000 });
    expect(stack.sim.state.stats().brandPostsCreated).toBe(1);

    // Ben leaves: Anna's view and list forget him without waiting for a heartbeat to lapse.
    await benPage.close();
    await annaView.getByTestId('presence-colleague').waitFor({ state: 'detached' });
    await row.getByTestId('row-viewers').waitFor({ state: 'detached' });
  });

  for (const [label, offline] of [
    ['30 seconds', '00:30'],
    ['10 minutes', '10:00'],
  ] as const) {
    it(`catches up after ${label} offline so the screen equals the server`, async () => {
      const keep = await newConversation(`keep_${offline.replace(':', '')}`, 'Noch offen');
      const toResolve = await newConversation(`gone_${offline.replace(':', '')}`, 'Bald erledigt');
      const proxy = await startNetProxy({ host: '127.0.0.1', port: stack.web.port });
      try {
        const page = await signInAs('lea@demo.caredesk', { url: proxy.url, fakeClock: true });
        await page.getByTestId('view-open').click();
        await openRow(page, keep.contact.handle);

        await proxy.cut();
        await page.locator('.live--offline').waitFor();

        // Meanwhile the team works on: a new customer, a claim with a tag, a resolution.
        const arrived = await newConversation(`new_${offline.replace(':', '')}`, 'Neu während offline');
        await stack.api(ben, 'POST', `/api/conversations/${keep.id}/claim`);
        await stack.api(ben, 'PATCH', `/api/conversations/${keep.id}`, { tags: ['catch-up'] });
        await stack.api(ben, 'PATCH', `/api/conversations/${toResolve.id}`, { status: 'resolved' });
        await page.clock.fastForward(offline);

        await proxy.restore();
        await page.locator('.live--live').waitFor({ timeout: 30_000 });

        const lea = await stack.login('lea@demo.caredesk');
        await waitFor(
          async () => {
            const server = (
              (await stack.api(lea, 'GET', '/api/conversations?status=open&limit=200'))
                .body as ConversationListResponse
            ).items.map((c) => c.id);
            const screen = await page
              .getByTestId('conversation-row')
              .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')));
            return JSON.stringify(screen) === JSON.stringify(server) ? true : undefined;
          },
          { what: 'the open list on screen equal to the server', timeoutMs: 20_000 },
        );
        const rowIds = await page
          .getByTestId('conversation-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')));
        expect(rowIds).toContain(arrived.id);
        expect(rowIds).not.toContain(toResolve.id);

        const counts = ((await stack.api(lea, 'GET', '/api/conversations/counts')).body as ViewCountsResponse)
          .counts;
        for (const view of ['unassigned', 'open', 'resolved'] as const) {
          await page.locator(`[data-testid="view-${view}"][data-count="${counts[view]}"]`).waitFor();
        }
        const view = page.getByTestId('conversation-view');
        await view.getByTestId('conversation-assignee').filter({ hasText: 'Ben Okafor' }).waitFor();
        await view.locator('[data-testid="tag-chip"][data-tag="catch-up"]').waitFor();
        if (offline === '10:00') await page.screenshot({ path: path.join(shots, 'realtime-catch-up.png') });
      } finally {
        await proxy.close();
      }
    });
  }
});
