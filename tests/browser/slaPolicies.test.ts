import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConversationListResponse, ConversationSummary, SlaSettingsResponse } from '../../common/types';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: Array<{ target: string[] }>;
}

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
            axe: { run(ctx: string, opts: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run(sel, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
      ).violations,
    selector,
  );
  return violations.map((v) => ({ id: v.id, targets: v.nodes.flatMap((n) => n.target) }));
}

describeIfChromium('SLA policies screen (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let lea: string;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 300, clientDir: clientDistDir });
    lea = await stack.login('lea@demo.caredesk');
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signIn = async (email: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    await page.goto(stack.web.url);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('caredesk-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    return page;
  };
  const conversationOf = async (handle: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(lea, 'GET', '/api/conversations?status=all&limit=200'))
            .body as ConversationListResponse
        ).items.find((c: ConversationSummary) => c.contact.handle === handle),
      { what: `@${handle}` },
    );

  it('an admin edits a policy and the conversation’s due time changes in the inbox', async () => {
    await simPost(stack.sim, {
      username: 'sla_browser',
      text: `@${stack.brand.username} Kein Netz seit heute früh`,
    });
    const c = await conversationOf('sla_browser');
    const page = await signIn('admin@demo.caredesk');
    const badge = page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${c.id}"] [data-testid="row-sla"]`,
    );
    await badge.waitFor();
    // Default policy, normal priority: 60 minutes for the first response, around the clock.
    expect(await badge.textContent()).toMatch(/^SLA (59m( \d+s)?|1h) left$/);
    expect(await badge.getAttribute('title')).toMatch(/^First response: On time · /);

    await page.getByTestId('nav-sla').click();
    await page.getByTestId('sla-settings').waitFor();
    const normalFirst = page.getByLabel('Default (all accounts), Normal: first response in minutes');
    expect(await normalFirst.inputValue()).toBe('60');
    await normalFirst.fill('180');
    await page.getByTestId('sla-policy-save-default').click();
    await waitFor(
      async () =>
        (await page.getByTestId('sla-policy-default-normal-first').inputValue()) === '180' &&
        !(await page.getByTestId('sla-policy-save-default').isDisabled()),
      { what: 'the saved policy' },
    );
    const updated = await waitFor(
      async () => {
        const now = await conversationOf('sla_browser');
        return now.slaDueAt !== c.slaDueAt ? now : undefined;
      },
      { what: 'the recomputed due time' },
    );
    expect(Date.parse(updated.slaDueAt!)).toBe(Date.parse(c.firstInboundAt!) + 180 * 60_000);
    await page.screenshot({ path: path.join(shots, 'sla-policies.png'), fullPage: true });

    // Back in the inbox the row counts down from three hours.
    await page.getByTestId('sla-close').click();
    await waitFor(async () => /^SLA 2h 5\dm left$/.test((await badge.textContent()) ?? ''), {
      what: 'the badge showing the new due time',
    });
    await page.close();
  });

  it('shows leads the settings read-only and agents no link', async () => {
    const leadPage = await signIn('lea@demo.caredesk');
    await leadPage.getByTestId('nav-sla').click();
    await leadPage.getByTestId('sla-settings').waitFor();
    await leadPage.getByTestId('sla-scope-default').waitFor();
    expect(await leadPage.getByRole('note').textContent()).toMatch(/Nur Admins/);
    expect(await leadPage.locator('[data-testid^="sla-policy-save"]').count()).toBe(0);
    expect(await leadPage.locator('[data-testid="sla-settings"] input').count()).toBe(0);
    await leadPage.close();

    const agentPage = await signIn('anna@demo.caredesk');
    expect(await agentPage.getByTestId('nav-sla').count()).toBe(0);
    await agentPage.close();
  });

  it('an admin sets a team’s opening hours and a holiday from the keyboard; the screen passes axe', async () => {
    const page = await signIn('admin@demo.caredesk');
    await page.getByTestId('nav-sla').click();
    await page.getByTestId('sla-settings').waitFor();
    await page.getByLabel('Calendar', { exact: true }).selectOption({ label: 'Team Service DE' });
    await page.getByText('Not configured: this team follows the default calendar.').waitFor();
    await page.getByLabel('Time zone of this calendar', { exact: true }).selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Add opening hours on Monday' }).focus();
    await page.keyboard.press('Enter');
    const closes = page.getByLabel('Monday closes at (HH:MM, 24:00 for midnight)', { exact: true });
    await closes.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('18:00');
    // Enter in a field submits the opening hours.
    await page.keyboard.press('Enter');
    await page.getByText('Targets count only during these opening hours.').waitFor();

    await page.getByLabel('Date', { exact: true }).fill('2026-12-24');
    await page.getByLabel('Name (optional)', { exact: true }).fill('Heiligabend');
    await page.keyboard.press('Enter');
    await page.getByTestId('sla-holiday').waitFor();

    const settings = (await stack.api(lea, 'GET', '/api/sla')).body as SlaSettingsResponse;
    const team = settings.calendars.find((c) => c.teamName === 'Service DE')!;
    expect(team).toMatchObject({
      configured: true,
      timeZone: 'Europe/Berlin',
      intervals: [{ weekday: 1, start: '08:00', end: '18:00' }],
      holidays: [{ date: '2026-12-24', name: 'Heiligabend' }],
    });
    expect(await axeViolations(page, '[data-testid="sla-settings"]')).toEqual([]);
    await page.close();
  });
});
