import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse } from '../../common/types';
import { clientDistDir, postCustomer, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA findings inside `selector`. */
async function axeViolations(
  page: Page,
  selector: string,
): Promise<Array<{ id: string; targets: string[] }>> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (sel) =>
      (
        await (
          window as unknown as {
            axe: {
              run(
                ctx: string,
                opts: object,
              ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
            };
          }
        ).axe.run(sel, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
      ).violations,
    selector,
  );
  return violations.map((v) => ({ id: v.id, targets: v.nodes.flatMap((n) => n.target) }));
}

describeIfChromium('routing screen in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  const pageErrors: string[] = [];

  const all = async () =>
    (
      (await stack.api(cookie, 'GET', '/api/conversations?status=all&limit=200'))
        .body as ConversationListResponse
    ).items;
  const arrive = async (handle: string, text: string) => {
    await postCustomer(stack.sim, {
      username: handle,
      name: handle,
      text: `@${stack.brand.username} ${text}`,
    });
    return waitFor(async () => (await all()).find((c) => c.contact.handle === handle), {
      what: `@${handle}`,
    });
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(clientDistDir, 'index.html'))) {
      throw new Error('client/dist is missing: run `npm run build` first');
    }
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, clientDir: clientDistDir });
    cookie = await stack.login('lea@demo.caredesk');
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill('admin@demo.caredesk');
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('creates a rule, dry-runs it against recent conversations, saves it, and routes the next mention', async () => {
    const outage = await arrive('rt_outage', 'Große Störung in Hamburg seit heute früh');
    await arrive('rt_other', 'Wann kommt meine neue Rechnung?');
    const team = (await stack.core.db('teams').where({ name: 'Service DE' }).first('id')) as { id: string };

    await page.getByTestId('nav-routing').click();
    const screen = page.getByTestId('routing-screen');
    await screen.waitFor();
    await page.getByTestId('rule-new').click();
    await page.getByLabel('Name', { exact: true }).fill('Outages');
    await page.getByLabel(/^Keywords/).fill('STORUNG, kein internet');
    await page.getByTestId('rule-team').selectOption({ label: 'Service DE' });
    await page.getByTestId('rule-priority').selectOption('urgent');
    await page.getByLabel(/^Add tags/).fill('outage');

    // Dry run of the unsaved rule: the outage conversation matches, the billing one does not.
    await page.getByTestId('dry-run-button').click();
    await page.getByTestId('dry-run-summary').waitFor();
    expect(await page.getByTestId('dry-run-summary').textContent()).toBe(
      '1 of 2 recent conversations match a rule.',
    );
    const match = page.getByTestId('dry-run-match');
    expect(await match.count()).toBe(1);
    expect(await match.textContent()).toContain('rt_outage');
    expect(await match.textContent()).toContain('team Service DE');
    expect(await match.textContent()).toContain('priority Urgent');
    // Nothing changed by the dry run.
    expect(
      await stack.core.db('conversations').where({ id: outage.id }).first('team_id', 'priority'),
    ).toEqual({
      team_id: null,
      priority: 'normal',
    });
    expect(Number((await stack.core.db('routing_rules').count<{ n: string }[]>('* as n'))[0]!.n)).toBe(0);

    // Labelled and keyboard-usable: no WCAG A/AA findings with the form and the dry run showing.
    expect(await axeViolations(page, '[data-testid="routing-screen"]')).toEqual([]);
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-item').filter({ hasText: 'Outages' }).waitFor();
    await page.getByTestId('rule-form').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(shots, 'routing.png'), fullPage: true });

    const routed = await arrive('rt_new', 'Schon wieder eine STÖRUNG, kein Internet!');
    const row = await waitFor(
      async () => {
        const r = await stack.core
          .db('conversations')
          .where({ id: routed.id })
          .first('team_id', 'priority', 'tags');
        return r?.team_id ? r : null;
      },
      { what: 'routing of the new mention' },
    );
    expect(row).toEqual({ team_id: team.id, priority: 'urgent', tags: ['outage'] });
    const events = await stack.api(cookie, 'GET', `/api/conversations/${routed.id}/events`);
    expect(
      events.body.events.find((e: { type: string }) => e.type === 'conversation.routed')?.data.ruleName,
    ).toBe('Outages');
    // Picking a conversation in the list leaves the routing screen for it.
    await page.getByTestId('conversation-row').filter({ hasText: 'rt_other' }).click();
    await screen.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/conversations\//);
    expect(pageErrors).toEqual([]);
  });

  it('lets a lead read the rules but not change them, and every agent set Away', async () => {
    const leadPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
    await leadPage.goto(stack.web.url);
    await leadPage.getByTestId('login-email').fill('lea@demo.caredesk');
    await leadPage.getByTestId('login-password').fill('caredesk-demo');
    await leadPage.getByTestId('login-submit').click();
    await leadPage.getByTestId('nav-routing').click();
    await leadPage.getByTestId('rule-item').filter({ hasText: 'Outages' }).waitFor();
    expect(await leadPage.getByTestId('rule-new').count()).toBe(0);
    expect(await leadPage.getByRole('button', { name: 'Löschen' }).count()).toBe(0);

    await leadPage.getByRole('radio', { name: 'Abwesend' }).check();
    await waitFor(
      async () => (await stack.api(cookie, 'GET', '/api/routing/availability')).body.availability === 'away',
      {
        what: 'lea away',
      },
    );
    await leadPage.close();
  });
});
