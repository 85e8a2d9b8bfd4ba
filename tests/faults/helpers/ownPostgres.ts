import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb } from '../../../server/db/knex';
import { migrateLatest } from '../../../server/db/migrate';
import { freePort } from '../../setup/services';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * An embedded PostgreSQL of the test's own (never the machine's shared server), held by a child process
 * (pgHolder.ts) so that the test can stop and start it while Caredesk keeps running. `stop()` belongs in
 * afterAll: it shuts the server down and deletes the cluster.
 */
export interface OwnPostgres {
  /** Super-user URL of the `postgres` database. */
  adminUrl: string;
  /** Creates a database, migrated to the newest schema, and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown; resolves once PostgreSQL is gone. */
  shutdown(): Promise<void>;
  /** Starts the same cluster again on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function spawnHolder(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/faults/helpers/pgHolder.ts', dataDir, String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ child, url: line.slice('READY '.length).trim() });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL holder exited (${code}) before it was ready:\n${output.slice(-3000)}`)),
    );
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  // The parent of the data directory must be writable by the postgres user when we run as root;
  // server/db/embedded.ts prepares it (as in tests/integration/embeddedPostgres.test.ts).
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'caredesk-faults-pg-'));
  const dataDir = path.join(tmp, 'data');
  const port = await freePort();
  let holder = await spawnHolder(dataDir, port);
  const adminUrl = holder.url;
  const dbUrl = (name: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    adminUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      const db = createDb({ url: dbUrl(name), poolMax: 1 });
      try {
        await migrateLatest(db);
      } finally {
        await db.destroy();
      }
      return dbUrl(name);
    },
    async shutdown() {
      await terminate(holder.child);
    },
    async start() {
      holder = await spawnHolder(dataDir, port);
    },
    async stop() {
      await terminate(holder.child);
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
