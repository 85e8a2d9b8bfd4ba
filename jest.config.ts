/** @jest-config-loader esbuild-register */
/*
 * Jest on Node 20 cannot read a TypeScript config by itself, and ts-node needs TypeScript's JS API, which
 * the native TypeScript 7 compiler does not have. So the npm scripts run jest through scripts/jest.ts, which
 * loads this file with tsx and hands it to jest as JSON. The docblock above lets a bare `npx jest` work too
 * once the `esbuild-register` dev dependency is installed.
 */
import type { Config } from 'jest';

type ProjectConfig = NonNullable<Config['projects']>[number] & object;

const swc = (tsx: boolean) => [
  '@swc/jest',
  {
    // Only this config: a stray .swcrc must not change how tests compile.
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', tsx },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    // CommonJS because jest's ESM support is still behind --experimental-vm-modules.
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  // .ts and .tsx are parsed separately: the TSX grammar misreads `<T>(x) => …` and `<T>value` in .ts files.
  transform: { '^.+\\.ts$': swc(false), '^.+\\.tsx$': swc(true), '^.+\\.js$': swc(false) },
  // openid-client and its dependencies ship ES modules only; jest runs CommonJS, so they are compiled too.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // .data holds the embedded PostgreSQL clusters (thousands of files, owned by the postgres user).
  modulePathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/client/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.data/', '<rootDir>/client/dist/'],
} satisfies ProjectConfig;

/**
 * Projects that need services share one global setup (jest runs it once): it finds PostgreSQL, Redis and
 * Chromium and migrates a template database. `testTimeout` per project is ignored by jest-circus, hence
 * the globals + setup file.
 */
const withServices = (timeoutMs: number) =>
  ({
    ...common,
    globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
    globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
    globals: { CAREDESK_TEST_TIMEOUT_MS: timeoutMs },
    setupFilesAfterEnv: ['<rootDir>/tests/setup/timeouts.ts'],
  }) satisfies ProjectConfig;

const config: Config = {
  // 2-core machines (CI included): two workers; integration tests each get their own database.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{server,common,simulator,workers,client/src}/**/*.test.{ts,tsx}'],
      // Unit tests finish in milliseconds; 20 s instead of jest's 5 s keeps a loaded 2-core CI machine
      // (argon2 hashing, the simulator over HTTP) from failing them, while a hang still fails.
      globals: { CAREDESK_TEST_TIMEOUT_MS: 20_000 },
      // DOM matchers (toHaveValue, toHaveFocus…) for the testing-library component tests under jsdom.
      setupFilesAfterEnv: ['@testing-library/jest-dom', '<rootDir>/tests/setup/timeouts.ts'],
    },
    {
      ...withServices(60_000),
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...withServices(120_000),
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
    {
      // Slow fault-injection suites, not part of `npm test`; run them on purpose with
      // `npx tsx scripts/jest.ts --selectProjects faults`.
      ...withServices(120_000),
      displayName: 'faults',
      testMatch: ['<rootDir>/tests/faults/**/*.test.ts'],
    },
  ],
};

export default config;
