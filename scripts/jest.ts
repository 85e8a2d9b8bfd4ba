/**
 * `tsx scripts/jest.ts [jest args…]` — runs jest with jest.config.ts.
 *
 * Why not plain `jest`: on Node 20 jest can only read a TypeScript config through ts-node (which needs
 * TypeScript's JS API, absent from the native TypeScript 7 compiler) or esbuild-register (not a dependency).
 * tsx already is one, so we load the config here and pass it to jest as a JSON string. Jest itself runs in a
 * separate, plain Node process so that tsx's loader hooks don't stack on top of jest's own transform.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../jest.config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');

// rootDir must be explicit: with a JSON config jest would otherwise take the current directory.
const json = JSON.stringify({ ...config, rootDir: root });

// Results also go to a JSON file so that we can end with one plain "N passed, N failed, N skipped" line,
// which CI reads to tell a real run from one that ran no test (unless the caller asked for JSON itself).
const args = process.argv.slice(2);
const wantsOwnOutput = args.some((a) => /^--(json|outputFile|watch|watchAll|listTests|showConfig)\b/.test(a));
const resultsFile = wantsOwnOutput ? null : path.join(os.tmpdir(), `caredesk-jest-${process.pid}.json`);
const extra = resultsFile ? ['--json', '--outputFile', resultsFile] : [];

const child = spawn(process.execPath, [jestBin, '--config', json, ...extra, ...args], {
  cwd: root,
  stdio: 'inherit',
});

// Ctrl-C reaches jest directly (same process group); we just wait for it to clean up. SIGTERM is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
  if (!resultsFile) return;
  try {
    const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestJson;
    console.info(
      `jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
    );
  } catch {
    // jest stopped before writing results (config error, interrupted); its own output says why
  } finally {
    rmSync(resultsFile, { force: true });
  }
});
