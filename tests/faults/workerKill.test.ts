/**
 * Fault suite, process half: worker processes SIGKILLed at random moments during a mention spike.
 * Two real worker processes (Redis queue on a redis-server of our own) poll the simulator while
 * 10,000 mentions stream in; a killer SIGKILLs a random worker 50 times and respawns it each time.
 * PostgreSQL is the truth: the poll cursor commits with the items, ingest is idempotent on
 * (account, external id), stalled jobs re-run, the sweeper re-enqueues what a death left behind,
 * and a dead process's poll lease is taken over at once.
 */
import { randomBytes } from 'node:crypto';
import { updateAccountSettings } from '../../server/db/repositories/channelAccounts';
import { connectXAccount } from '../../server/runtime/accounts';
import { createSecretBox } from '../../server/security/secretBox';
import { DEFAULT_BEARER_TOKEN } from '../../simulator/options';
import { type RunningSimulator, startSimulator } from '../../simulator/server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/stack';
import { cleanReport, fetchedCount, ingestReport, streamMentions } from './helpers/ingestChecks';
import { type OwnRedis, startOwnRedis } from './helpers/redisServer';
import { WorkerFleet } from './helpers/workerFleet';

const MENTIONS = 10_000;
const KILLS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stdout.write(`[workerKill] ${msg}\n`);

describe('worker processes killed during a mention spike', () => {
  let redis: OwnRedis | null = null;
  let database: TestDatabase | null = null;
  let sim: RunningSimulator | null = null;
  let fleet: WorkerFleet | null = null;

  afterAll(async () => {
    await fleet?.stop();
    await sim?.close();
    await database?.drop();
    await redis?.stop();
  });

  test('kill -9 worker processes at random moments, 50 times, during a 10,000-mention spike: 0 lost, 0 duplicated conversations or messages', async () => {
    const started = Date.now();
    redis = await startOwnRedis();
    database = await createTestDatabase();
    const generous = { limit: 10_000_000, windowMs: 15 * 60_000 };
    sim = await startSimulator({
      port: 0,
      rateLimits: {
        'GET /2/users/:id/mentions': generous,
        'GET /2/users/:id/tweets': generous,
        'GET /2/dm_events': generous,
      },
    });
    const key = randomBytes(32);
    const account = await connectXAccount(
      { db: database.db, secretBox: createSecretBox([key]), xApiBaseUrl: sim.url },
      { kind: 'oauth2', accessToken: DEFAULT_BEARER_TOKEN },
    );
    await updateAccountSettings(database.db, account.id, {
      pollMinIntervalMs: 1000,
      pollMaxIntervalMs: 2000,
      dmPollMinIntervalMs: 1000,
    });
    fleet = new WorkerFleet({
      WORKER_DATABASE_URL: database.url,
      WORKER_QUEUE_PREFIX: `cdfault${randomBytes(3).toString('hex')}`,
      WORKER_REDIS_URL: redis.url,
      WORKER_ENCRYPTION_KEY: key.toString('base64'),
      WORKER_X_API_BASE_URL: sim.url,
      WORKER_POLL_MS: '1000',
      WORKER_SWEEP_MS: '2000',
    });
    await fleet.start(2);
    // The first read of a stream starts at "now"; after it every new mention must arrive.
    const db = database.db;
    await waitFor(
      async () =>
        (await db('channel_accounts').where({ id: account.id }).first())?.poll_cursor?.mentions !== undefined,
      { timeoutMs: 60_000, what: 'the first poll of mentions' },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${fleet?.logs()}\ncrashes: ${fleet?.crashes.join('\n')}`);
    });
    const setupMs = Date.now() - started;

    let posted = 0;
    const spikeStarted = Date.now();
    const posting = streamMentions(sim, {
      count: MENTIONS,
      perSecond: 100,
      maxAhead: { count: 600, fetched: () => fetchedCount(db, account.id) },
      onProgress: (n) => {
        posted = n;
      },
    });
    // The killer: one SIGKILL at a random moment, a replacement started at once; the next kill
    // comes after the replacement is up (a process manager restarts a worker, it does not stay dead).
    let aborted = false;
    const killer = (async () => {
      for (let i = 0; i < KILLS && !aborted; i++) {
        await sleep(500 + Math.random() * 4500);
        await fleet!.killAndRespawn();
        await fleet!.allReady();
      }
    })();
    const ids = await posting.catch((error: unknown) => {
      aborted = true;
      throw error;
    });
    const postedMs = Date.now() - spikeStarted;
    log(`posted ${posted} mentions in ${postedMs} ms`);
    await killer;
    const killsMs = Date.now() - spikeStarted;
    log(`${fleet.kills} kills done after ${killsMs} ms`);

    // Then everything must arrive, exactly once, without help.
    let report = await ingestReport(db, account.id, ids);
    const deadline = Date.now() + 1_200_000;
    while ((report.lost > 0 || report.unprocessedInboundItems > 0) && Date.now() < deadline) {
      await sleep(2000);
      report = await ingestReport(db, account.id, ids);
    }
    const totalMs = Date.now() - started;
    const cursor = (await db('channel_accounts').where({ id: account.id }).first()).poll_cursor.mentions;
    // Workers that died by themselves (e.g. the shared PostgreSQL refusing connections) were restarted
    // like the kills; they are reported, the promises below must hold all the same.
    for (const crash of fleet.crashes) log(`worker crashed by itself: ${crash.slice(0, 600)}`);
    log(
      `kills=${fleet.kills} crashes=${fleet.crashes.length} spawned=${fleet.spawned} setup=${setupMs}ms spike+kills=${killsMs}ms ` +
        `all ingested after ${Date.now() - spikeStarted}ms, total ${totalMs}ms; ${JSON.stringify(report)}`,
    );
    if (report.lost > 0) log(`worker output:\n${fleet.logs()}`);
    expect(fleet.kills).toBe(KILLS);
    expect(report).toEqual(cleanReport(MENTIONS));
    // The cursor moved up to the newest mention.
    const newest = ids.reduce((a, b) => (BigInt(a) >= BigInt(b) ? a : b));
    expect(BigInt(cursor.sinceId) >= BigInt(newest)).toBe(true);
  }, 3_000_000);
});
