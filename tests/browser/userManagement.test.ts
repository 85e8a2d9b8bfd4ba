import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { signIn } from '../helpers/browser';
import { clientDistDir, type Stack, startStack, waitFor } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

/** Issue 7, points 5 and 7 in the browser: the users screen, the invitation page and the audit log. */
describeIfChromium('user management and audit log screens (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000, clientDir: clientDistDir });
    browser = await chromium.launch(chromiumLaunchOptions());
    admin = await signIn(browser, 'admin@demo.caredesk', {
      url: stack.web.url,
      viewport: { width: 1366, height: 900 },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const openAdmin = async (page: Page, item: 'nav-users' | 'nav-audit') => {
    await page.getByTestId('nav-admin').click();
    await page.getByTestId(item).click();
  };

  it('invites by a one-time link the invitee opens to set name and password, then signs in', async () => {
    await openAdmin(admin, 'nav-users');
    const screen = admin.getByTestId('users-screen');
    await screen.getByTestId('user-row-ben@demo.caredesk').waitFor();
    expect(admin.url()).toContain('#/users');

    const form = screen.getByTestId('invite-form');
    await form.getByLabel('Email address').fill('olga@example.com');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await screen.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${stack.web.url}/#/invite/[\\w-]{40,}$`));
    await screen.getByTestId('pending-invites').getByText('olga@example.com').waitFor();

    const context = await browser.newContext({ locale: 'en-GB' });
    const invitee = await context.newPage();
    await invitee.goto(link);
    await invitee.getByText('You were invited as olga@example.com').waitFor();
    expect((await axeViolations(invitee)).map((v) => v.id)).toEqual([]);
    await invitee.getByTestId('invite-name').fill('Olga Petrova');
    await invitee.getByTestId('invite-initials').fill('OP');
    await invitee.getByTestId('invite-password').fill('olga’s long passphrase');
    await invitee.getByTestId('invite-submit').click();
    await invitee.getByTestId('invite-done').waitFor();
    await invitee.getByRole('button', { name: 'Sign in' }).click();
    await invitee.getByTestId('login-email').fill('olga@example.com');
    await invitee.getByTestId('login-password').fill('olga’s long passphrase');
    await invitee.getByTestId('login-submit').click();
    await invitee.getByTestId('conversation-list').waitFor({ state: 'attached' });
    expect(await invitee.getByTestId('nav-admin').count()).toBe(0);

    // The link is spent.
    const again = await context.newPage();
    await again.goto(link);
    await again.getByTestId('invite-invalid').waitFor();
    await context.close();
  });

  it('changes a role, teams and initials and deactivates a user, whose open session ends at once', async () => {
    const ben = await signIn(browser, 'ben@demo.caredesk', { url: stack.web.url });
    await admin.reload();
    const screen = admin.getByTestId('users-screen');
    const gina = screen.getByTestId('user-row-gina@demo.caredesk');
    await gina.getByLabel('Role of Gina Rossi').selectOption('agent');
    await gina.getByLabel('Initials of Gina Rossi').fill('GRo');
    await gina.getByRole('checkbox').first().check();
    await gina.getByTestId('user-save').click();
    await waitFor(
      async () =>
        (await stack.core.db('users').where({ email: 'gina@demo.caredesk' }).first()).role === 'agent',
      {
        what: 'Gina an agent',
      },
    );
    const saved = await stack.core.db('users').where({ email: 'gina@demo.caredesk' }).first();
    expect(saved.initials).toBe('GRo');
    expect(await stack.core.db('team_members').where({ user_id: saved.id })).toHaveLength(1);

    const benRow = screen.getByTestId('user-row-ben@demo.caredesk');
    await benRow.getByTestId('user-deactivate').click();
    await benRow.getByTestId('user-deactivate-confirm').click();
    await benRow.getByTestId('user-reactivate').waitFor();
    // Ben's next request is refused: his page falls back to the sign-in form.
    await ben.reload();
    await ben.getByTestId('login-email').waitFor();

    for (const lang of ['en', 'de'] as const) {
      await admin.getByTestId('language-switch').selectOption(lang);
      await screen.getByTestId('users-table').waitFor();
      expect((await axeViolations(admin, '[data-testid="users-screen"]')).map((v) => v.id)).toEqual([]);
    }
    await admin.screenshot({ path: path.join(shots, 'users-screen.png') });
    await admin.getByTestId('language-switch').selectOption('en');
  });

  it('shows the audit log to admins only, filtered by action and text, exportable as CSV', async () => {
    await openAdmin(admin, 'nav-audit');
    const screen = admin.getByTestId('audit-screen');
    await screen.getByTestId('audit-row').first().waitFor();
    expect(admin.url()).toContain('#/audit');
    await screen.getByTestId('audit-action').selectOption('user.deactivated');
    await screen.getByTestId('audit-apply').click();
    await waitFor(async () => (await screen.getByTestId('audit-row').count()) === 1, {
      what: 'one deactivation',
    });
    expect(await screen.getByTestId('audit-row').textContent()).toContain('Demo Admin');

    await screen.getByTestId('audit-action').selectOption('');
    await screen.getByTestId('audit-text').fill('olga@example.com');
    await screen.getByTestId('audit-apply').click();
    await screen.getByTestId('audit-row').filter({ hasText: 'user.invited' }).waitFor();
    const href = await screen.getByTestId('audit-export').getAttribute('href');
    expect(href).toContain('format=csv');
    expect(href).toContain('q=olga%40example.com');
    const csv = await admin.evaluate(async (url) => (await fetch(url)).text(), href as string);
    expect(csv).toContain('user.invited');
    expect(csv).not.toContain('user.deactivated');

    for (const lang of ['en', 'de'] as const) {
      await admin.getByTestId('language-switch').selectOption(lang);
      expect((await axeViolations(admin, '[data-testid="audit-screen"]')).map((v) => v.id)).toEqual([]);
    }
    await admin.screenshot({ path: path.join(shots, 'audit-log.png') });

    // Agents have no admin menu, and #/audit shows them nothing.
    const anna = await signIn(browser, 'anna@demo.caredesk', { url: stack.web.url });
    expect(await anna.getByTestId('nav-admin').count()).toBe(0);
    await anna.goto(`${stack.web.url}/#/audit`);
    await anna.getByTestId('conversation-list').waitFor({ state: 'attached' });
    expect(await anna.getByTestId('audit-screen').count()).toBe(0);
  });
});
