import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { migrations } from '../../migrations';
import { createDb } from '../../server/db/knex';
import { type AppProcess, startAppProcess } from '../helpers/appProcess';
import { deleteRedisPrefix } from '../helpers/stack';
import { describeIfRedis, testEnv } from '../helpers/testEnv';
import { databaseUrl, quoteIdent, withAdmin } from '../setup/pgAdmin';

const ROOT = path.resolve(__dirname, '../..');

describe('start:server and start:worker without DATABASE_URL', () => {
  it.each([
    ['server', 'server/webMain.ts'],
    ['worker', 'workers/main.ts'],
  ])('start:%s refuses to start and says DATABASE_URL is required', (role, entry) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`DATABASE_URL is required for npm run start:${role}`);
  });
});

/**
 * Who migrates: on an empty database, a worker waits without migrating; two web servers started at
 * the same moment both come up (one migrates under the advisory lock, the other waits and finds
 * nothing to do); then the worker starts.
 */
describeIfRedis('migrations with several processes on an empty database', () => {
  const name = `caredesk_test_split_${randomBytes(4).toString('hex')}`;
  const prefix = `cdsplit${randomBytes(4).toString('hex')}`;
  const processes: AppProcess[] = [];
  let url = '';

  beforeAll(async () => {
    const { pgAdminUrl } = testEnv();
    await withAdmin(pgAdminUrl, (c) => c.query(`create database ${quoteIdent(name)}`));
    url = databaseUrl(pgAdminUrl, name);
  });

  afterAll(async () => {
    for (const p of processes) p.kill();
    await Promise.all(processes.map((p) => p.exited));
    await deleteRedisPrefix(testEnv().redisUrl!, prefix);
    await withAdmin(testEnv().pgAdminUrl, (c) =>
      c.query(`drop database if exists ${quoteIdent(name)} with (force)`),
    );
  });

  it('the web servers migrate once, under a lock; the worker waits for them', async () => {
    const env = {
      DATABASE_URL: url,
      REDIS_URL: testEnv().redisUrl!,
      QUEUE_PREFIX: prefix,
      CAREDESK_ENCRYPTION_KEYS: randomBytes(32).toString('base64'),
    };
    const worker = startAppProcess('worker', env, { timeoutMs: 90_000 });
    worker.then((p) => processes.push(p)).catch(() => {});
    const db = createDb({ url, poolMax: 1 });
    try {
      // The worker is up and waiting, and has not touched the schema.
      await new Promise((r) => setTimeout(r, 4000));
      expect(await db.schema.hasTable('users')).toBe(false);

      const servers = await Promise.all([startAppProcess('server', env), startAppProcess('server', env)]);
      processes.push(...servers);
      const workerProcess = await worker;
      expect(workerProcess.output()).toContain('waiting for a web server or npm run migrate');
      // The worker serves its own job metrics (WORKER_METRICS_PORT; a free port here).
      const metricsUrl = /"metrics":"(http:\/\/[^"]+)"/.exec(workerProcess.output())?.[1];
      expect(metricsUrl).toBeDefined();
      const metrics = await fetch(`${metricsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('caredesk_job_duration_seconds');

      const applied = await db('knex_migrations').select('name');
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      const migratedBy = servers.filter((s) => s.output().includes('database migrated'));
      expect(migratedBy).toHaveLength(1);
      // Exactly one first admin was created, and only its creator printed its password.
      expect(await db('users').count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
      expect(servers.filter((s) => s.output().includes('First admin: admin@localhost'))).toHaveLength(1);

      const stops = await Promise.all([...servers, workerProcess].map((p) => p.stop('SIGTERM')));
      expect(stops.map((s) => s.code)).toEqual([0, 0, 0]);
    } finally {
      await db.destroy();
    }
  }, 150_000);
});
