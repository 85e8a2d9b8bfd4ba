/**
 * Per-project test timeouts. jest-circus only honours the *global* `testTimeout`, so each project states its
 * own in `globals.CAREDESK_TEST_TIMEOUT_MS` (see jest.config.ts) and this setup file applies it.
 */
const timeout = (globalThis as { CAREDESK_TEST_TIMEOUT_MS?: unknown }).CAREDESK_TEST_TIMEOUT_MS;
if (typeof timeout === 'number') jest.setTimeout(timeout);
