import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { signIn } from '../helpers/browser';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

describeIfChromium('team lead dashboard (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 300, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signInAs = (email: string): Promise<Page> =>
    signIn(browser, email, { url: stack.web.url, viewport: { width: 1366, height: 900 } });

  it('shows the queue, agents online with their load, channel health, and raises the outage alert live', async () => {
    for (const name of ['dash_a', 'dash_b', 'dash_c']) {
      await simPost(stack.sim, { username: name, text: `@${stack.brand.username} Internet weg in 10115` });
    }
    const ben = await signInAs('ben@demo.caredesk');
    await ben.getByTestId('conversation-row').filter({ hasText: 'dash_a' }).click({ timeout: 30_000 });
    await ben.getByTestId('conversation-view').getByTestId('composer-input').waitFor();

    const lea = await signInAs('lea@demo.caredesk');
    // Lea's profile language is German; the dashboard is checked in English.
    await lea.getByTestId('language-switch').selectOption('en');
    await lea.getByTestId('nav-dashboard').click();
    const dashboard = lea.getByTestId('dashboard');
    await dashboard.getByTestId('tile-waiting').filter({ hasText: '3' }).waitFor({ timeout: 20_000 });
    await dashboard
      .locator('[data-testid="dashboard-agent"][data-online="true"]')
      .filter({ hasText: 'Ben Okafor' })
      .waitFor();
    await dashboard.getByTestId('dashboard-channel').filter({ hasText: 'Active' }).waitFor();
    expect(await dashboard.getByTestId('oldest-waiting').textContent()).toContain('dash_a');
    expect(await dashboard.getByTestId('spike-alert').count()).toBe(0);

    // An outage: a burst of customers writing at once, far above the usual (no history: none at all).
    const template = await stack.core.db('messages').where({ direction: 'inbound' }).first();
    for (let i = 0; i < 12; i++) {
      await stack.core.db('messages').insert({
        ...template,
        id: randomUUID(),
        external_id: `burst-${i}`,
        search_vector: undefined,
        created_at: new Date(),
        updated_at: new Date(),
      });
    }
    await dashboard.getByTestId('spike-alert').waitFor({ timeout: 20_000 });
    expect(await dashboard.getByTestId('spike-alert').textContent()).toMatch(
      /Unusual volume: 15 messages in the last 15 minutes/,
    );
    expect((await axeViolations(lea, '[data-testid="dashboard"]')).map((v) => v.id)).toEqual([]);
    await lea.screenshot({ path: path.join(shots, 'dashboard.png') });

    // Agents never see it.
    expect(await ben.getByTestId('nav-dashboard').count()).toBe(0);
    await waitFor(
      async () =>
        (await stack.api(await stack.login('ben@demo.caredesk'), 'GET', '/api/dashboard')).status === 403,
      {
        what: '403 for agents',
      },
    );
  });
});
