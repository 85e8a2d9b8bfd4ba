/**
 * npm "pretest": makes sure the services the tests need are there (starting the machine's PostgreSQL or
 * Redis when installed but down, installing Debian's Chromium when missing and we are root), records the
 * outcome in .test-env.json for the jest global setup, and says plainly what could not be provided.
 * Missing Redis or Chromium only skips the tests that need them, so that is not an error; having no
 * PostgreSQL at all (not even the embedded one) is.
 */
import {
  ensureTestServices,
  findRepoRoot,
  summarize,
  TEST_ENV_FILE,
  writeTestEnvFile,
} from '../tests/setup/services';

async function main(): Promise<void> {
  const root = findRepoRoot();
  const log = (line: string) => console.info(line);
  const env = await ensureTestServices(root, log);
  await writeTestEnvFile(root, env);
  for (const line of summarize(env)) log(line);
  log(`(written to ${TEST_ENV_FILE})`);
}

main().catch((err: unknown) => {
  console.error(`pretest: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
