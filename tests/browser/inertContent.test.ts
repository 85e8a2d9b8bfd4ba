import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { signIn } from '../helpers/browser';
import { fbComment, fbPagePost } from '../helpers/fbSim';
import { simPost } from '../helpers/sim';
import { clientDistDir, type Stack, startStack } from '../helpers/stack';
import { chromiumLaunchOptions, describeIfChromium } from '../helpers/testEnv';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

const ZALGO = 'Z̴̡̢̛̰͎̦̠̈́͋a̸̧̛̱̮͔͐̐l̶̢̛̺͕͑̾g̵̡̛̦̟͆o̴̧̥̾ ̶̡̛̗͒ẗ̵̢̪́e̴̢̛͕x̶̧̛͎̓t̸̢̛̮̾';
const UNBROKEN = 'W'.repeat(5000);
const RTL = '\u202Egpj.exe\u202C invoice';
/** X limits display names to 50 characters (code units here): a shorter zalgo for the name. */
const ZALGO_NAME = ZALGO.slice(0, 40);
/** The brand's handle is only known once the stack runs; filled in when posting. */
const BRAND = '__BRAND__';

/**
 * Issue 7, point 6: customer content is inert. Names and texts full of markup, event handlers,
 * `javascript:` links, RTL overrides, zalgo and a 5,000-character unbroken word arrive through the
 * simulator (X posts and Facebook comments); nothing runs, no link points at script, the layout holds.
 */
describeIfChromium('customer content is inert (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 300,
      clientDir: clientDistDir,
      facebook: true,
    });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const hostile = [
    {
      username: 'inert_script',
      name: '<script>window.__pwned="name"</script>',
      text: `@${BRAND} <script>window.__pwned="text";alert(1)</script> ${RTL}`,
    },
    {
      username: 'inert_img',
      name: '<img src=x onerror="window.__pwned=1">',
      text: `@${BRAND} <img src=x onerror="window.__pwned='img';alert(2)"> <svg onload="alert(3)"></svg>`,
    },
    {
      username: 'inert_link',
      name: RTL,
      text: `@${BRAND} <a href="javascript:window.__pwned='a'">click</a> javascript:alert(4) [x](javascript:alert(5)) ${ZALGO}`,
    },
    { username: 'inert_long', name: ZALGO_NAME, text: `@${BRAND} ${UNBROKEN}` },
  ];
  it('renders hostile names and texts as text: nothing executes, no script links, no overflow', async () => {
    for (const h of hostile) {
      await simPost(stack.sim, {
        username: h.username,
        name: h.name,
        text: h.text.replace('__BRAND__', stack.brand.username),
      });
    }
    const postId = await fbPagePost(stack.sim, 'Neue Tarife');
    await fbComment(stack.sim, {
      postId,
      from: `<img src=x onerror="window.__pwned='fb'"> ${ZALGO_NAME}`,
      message: `<script>window.__pwned="fb"</script> javascript:alert(6) ${RTL} ${UNBROKEN}`,
    });

    page = await signIn(browser, 'anna@demo.caredesk', { url: stack.web.url });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Avatars point at the platforms' image hosts, which this offline machine cannot resolve; which
      // requests failed is checked below instead.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: net::ERR_NAME_NOT_RESOLVED'))
        problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => failedRequests.push(r.url()));

    const rows = page.getByTestId('conversation-row');
    for (const h of hostile) await rows.filter({ hasText: h.username }).waitFor({ timeout: 30_000 });
    await rows.filter({ hasText: 'gpj.exe' }).first().waitFor({ timeout: 30_000 });
    const fbRow = rows.filter({ hasText: '<img src=x onerror="window.__pwned=\'fb\'">' });
    await fbRow.waitFor({ timeout: 30_000 });

    const view = page.getByTestId('conversation-view');
    for (const row of [...hostile.map((h) => rows.filter({ hasText: h.username })), fbRow]) {
      await row.click();
      await view.getByTestId('thread-message').first().waitFor();
      await assertInert(page);
    }
    // The markup is shown literally, as the customer typed it.
    await rows.filter({ hasText: 'inert_script' }).click();
    await view.getByText('<script>window.__pwned="text";alert(1)</script>', { exact: false }).waitFor();
    expect(await rows.filter({ hasText: '<script>window.__pwned="name"</script>' }).count()).toBe(1);

    await rows.filter({ hasText: 'inert_long' }).click();
    await view.getByTestId('thread-message').first().waitFor();
    await assertInert(page);
    await page.screenshot({ path: path.join(shots, 'inert-content.png') });
    expect(problems).toEqual([]);
    // Only https images of the platforms failed (no DNS here): nothing from customer text was fetched.
    expect(failedRequests.filter((url) => !/^https:\/\/(abs|pbs)\.twimg\.com\//.test(url))).toEqual([]);
  });
});

/** Nothing ran, nothing executable is in the DOM, and neither the list nor the thread scrolls sideways. */
async function assertInert(page: Page) {
  const state = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const overflowing = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${selector} ${el.scrollWidth}>${el.clientWidth}`);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      scriptLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !/^(https?:|#|\/)/i.test(href.trim())),
      handlers: all
        .flatMap((el) => [...el.attributes].map((a) => a.name))
        .filter((name) => name.toLowerCase().startsWith('on')),
      contentScripts: document.querySelectorAll(
        '.inbox script, .inbox iframe, .inbox object, .inbox embed, .inbox svg script',
      ).length,
      injectedImages: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x')
        .length,
      overflow: [
        ...overflowing('[data-testid="conversation-row"]'),
        ...overflowing('[data-testid="conversation-view"]'),
        ...overflowing('[data-testid="thread-message"]'),
        ...(document.documentElement.scrollWidth > window.innerWidth
          ? [`page ${document.documentElement.scrollWidth}>${window.innerWidth}`]
          : []),
      ],
    };
  });
  expect(state).toEqual({
    pwned: null,
    scriptLinks: [],
    handlers: [],
    contentScripts: 0,
    injectedImages: 0,
    overflow: [],
  });
}
