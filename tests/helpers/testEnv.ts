/**
 * What tests/setup/globalSetup.ts found for this run. Only valid in the integration, browser and faults
 * projects (the unit project has no global setup, so Redis/Chromium count as unavailable there).
 */

export interface TestEnv {
  /** Admin URL of the PostgreSQL server where tests may create databases. */
  pgAdminUrl: string;
  redisUrl: string | null;
  chromiumPath: string | null;
}

export function testEnv(): TestEnv {
  const pgAdminUrl = process.env.CAREDESK_TEST_PG_ADMIN_URL;
  if (!pgAdminUrl) {
    throw new Error(
      'CAREDESK_TEST_PG_ADMIN_URL is not set: this test needs the jest global setup (tests/setup/globalSetup.ts); ' +
        'run it in the integration/browser/faults project, e.g. `npm run test:integration`',
    );
  }
  return {
    pgAdminUrl,
    redisUrl: process.env.CAREDESK_TEST_REDIS_URL || null,
    chromiumPath: process.env.CAREDESK_TEST_CHROMIUM || null,
  };
}

/** Chromium flags for this machine: as root it needs --no-sandbox; the closed network needs the rest. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/** Options for playwright-core's `chromium.launch()`; throws when Chromium is not available. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const executablePath = process.env.CAREDESK_TEST_CHROMIUM;
  if (!executablePath) throw new Error('Chromium is not available (use describeIfChromium)');
  return { executablePath, args: [...CHROMIUM_ARGS] };
}

const warned = new Set<string>();

function describeIf(available: boolean, what: string, name: string, fn: () => void): void {
  if (available) {
    describe(name, fn);
    return;
  }
  // Say it once per test file, plainly, and leave a skipped test whose title names the reason, so the
  // summary shows "skipped" rather than a silent green.
  if (!warned.has(what)) {
    warned.add(what);
    console.warn(`skipped: ${what} not available — see the "Test services" summary of npm test`);
  }
  describe.skip(name, () => {
    test(`skipped: ${what} not available`, () => undefined);
  });
}

/** `describe` that runs only when Redis is available, else shows as "skipped: Redis not available". */
export function describeIfRedis(name: string, fn: () => void): void {
  describeIf(Boolean(process.env.CAREDESK_TEST_REDIS_URL), 'Redis', name, fn);
}

/** `describe` that runs only when Chromium is available, else shows as "skipped: Chromium not available". */
export function describeIfChromium(name: string, fn: () => void): void {
  describeIf(Boolean(process.env.CAREDESK_TEST_CHROMIUM), 'Chromium', name, fn);
}
