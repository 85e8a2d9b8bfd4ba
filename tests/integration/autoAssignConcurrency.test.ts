import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { setAvailability } from '../../server/db/repositories/assignment';
import { insertRoutingRule } from '../../server/db/repositories/routingRules';
import { createQueueSet, type QueueSet } from '../../server/queues/backend';
import { enqueueIngest } from '../../server/queues/producers';
import { changeConversationStatus } from '../../server/services/changeConversationStatus';
import { requestAutoAssign } from '../../server/services/requestAutoAssign';
import { ensureFakeXAccount, replayAssignmentLoads, setOnline } from '../helpers/assignment';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/stack';
import { testEnv } from '../helpers/testEnv';

const ROOT = path.resolve(__dirname, '../..');
const WORKERS = 3;

/**
 * Issue 6: three worker processes (the real workers, each its own process) assign conversations of two
 * overlapping teams while new conversations arrive, agents go away and come back and conversations are
 * resolved, all at once. The audit trail, replayed in order, must never show an agent over capacity.
 */
describe('auto-assignment across worker processes', () => {
  let database: TestDatabase;
  let queues: QueueSet;
  const children: ChildProcess[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  const agents: Array<{ id: string; capacity: number }> = [];
  let accountId: string;
  let redisUrl: string | null = null;
  let prefix = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    prefix = `cdconc${randomBytes(4).toString('hex')}`;
    // Queues on Redis when there is one: four processes' queue connections would otherwise crowd the
    // PostgreSQL server other suites share.
    redisUrl = testEnv().redisUrl;
    queues = createQueueSet(
      redisUrl
        ? { kind: 'redis', redisUrl, prefix }
        : { kind: 'postgres', databaseUrl: database.url, prefix },
    );
    accountId = await ensureFakeXAccount(db);
    const capacities = [2, 3, 1, 4, 2, 3];
    for (const [i, capacity] of capacities.entries()) {
      const [row] = await db('users')
        .insert({
          email: `agent${i}@conc.test`,
          name: `Agent ${i}`,
          initials: `A${i}`,
          role: 'agent',
          capacity,
        })
        .returning<{ id: string }[]>('id');
      agents.push({ id: row!.id, capacity });
    }
    const [alpha] = await db('teams')
      .insert({ name: 'Alpha', assignment_mode: 'least_loaded' })
      .returning('id');
    const [beta] = await db('teams').insert({ name: 'Beta', assignment_mode: 'round_robin' }).returning('id');
    // Agents 2 and 3 are in both teams: only the per-agent lock keeps two team passes from overfilling them.
    await db('team_members').insert([
      ...agents.slice(0, 4).map((a) => ({ team_id: alpha.id, user_id: a.id })),
      ...agents.slice(2).map((a) => ({ team_id: beta.id, user_id: a.id })),
    ]);
    await insertRoutingRule(db, {
      name: 'Alpha',
      enabled: true,
      conditions: { keywords: ['alpha'] },
      actions: { teamId: alpha.id },
    });
    await insertRoutingRule(db, {
      name: 'Beta',
      enabled: true,
      conditions: { keywords: ['beta'] },
      actions: { teamId: beta.id },
    });
    await setOnline(
      db,
      agents.map((a) => a.id),
    );
    heartbeat = setInterval(
      () =>
        void setOnline(
          db,
          agents.map((a) => a.id),
        ).catch(() => {}),
      5000,
    );

    for (let i = 0; i < WORKERS; i++) {
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/helpers/workerProcess.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          WORKER_DATABASE_URL: database.url,
          WORKER_QUEUE_PREFIX: prefix,
          WORKER_SWEEP_MS: '1000',
          ...(redisUrl ? { WORKER_REDIS_URL: redisUrl } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
    }
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            child.stdout?.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes('ready')) resolve();
            });
            child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
          }),
      ),
    );
  });

  afterAll(async () => {
    if (heartbeat) clearInterval(heartbeat);
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await queues?.close();
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await database?.drop();
  });

  let itemCounter = 0;
  const arrive = async (count: number) => {
    const db = database.db;
    const rows = Array.from({ length: count }, () => {
      const n = ++itemCounter;
      const team = n % 3 === 0 ? 'alpha' : 'beta';
      const externalId = `conc-${n}-${randomUUID()}`;
      return {
        channel_account_id: accountId,
        external_id: externalId,
        item: JSON.stringify({
          externalId,
          threadKey: externalId,
          channel: 'public',
          text: `@brand Frage ${n} zu ${team}`,
          author: {
            platformUserId: `cust-${n}`,
            handle: `cust_${n}`,
            name: `Kunde ${n}`,
            avatarUrl: null,
            followersCount: n,
            verified: false,
          },
          fromAccount: false,
          inReplyToExternalId: null,
          createdAt: new Date().toISOString(),
          context: { media: [], entities: null, quoted: null, url: null },
          lang: 'de',
          raw: null,
        }),
      };
    });
    // Each arrives on its own: many ingest jobs (and the passes they trigger) run at once.
    await Promise.all(
      rows.map(async (row) => {
        const [inserted] = await db('inbound_items').insert(row).returning<{ id: string }[]>('id');
        await enqueueIngest(queues, [String(inserted!.id)]);
      }),
    );
  };
  const toggleAvailability = async (count: number) => {
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const agent = agents[(i * 5 + itemCounter) % agents.length]!;
        const availability = i % 2 === 0 ? 'away' : 'available';
        await new Promise((r) => setTimeout(r, i * 20));
        if (await setAvailability(database.db, agent.id, availability)) {
          if (availability === 'available')
            await requestAutoAssign({ db: database.db, queues }, { userIds: [agent.id] });
        }
      }),
    );
  };
  const everyoneAvailable = async () => {
    for (const agent of agents) await setAvailability(database.db, agent.id, 'available');
    await requestAutoAssign({ db: database.db, queues }, { userIds: agents.map((a) => a.id) });
  };
  /** Every item ingested, and no team has someone waiting while one of its agents has room. */
  const settled = async () => {
    const db = database.db;
    const pending = await db('inbound_items').whereNull('processed_at').count<{ n: string }[]>('* as n');
    if (Number(pending[0]!.n) > 0) return false;
    const starving = await db.raw(`
      select 1 from conversations c
       where c.assignee_id is null and c.status in ('new', 'open') and c.team_id is not null
         and exists (select 1 from team_members m join users u on u.id = m.user_id
                      where m.team_id = c.team_id and u.availability = 'available'
                        and (select count(*) from conversations x where x.assignee_id = u.id
                              and x.status in ('new', 'open')) < u.capacity)
       limit 1`);
    return starving.rows.length === 0;
  };
  const loads = async () => {
    const rows = await database
      .db('conversations')
      .whereIn('status', ['new', 'open'])
      .whereNotNull('assignee_id')
      .groupBy('assignee_id')
      .select<{ assignee_id: string; n: number }[]>('assignee_id', database.db.raw('count(*)::int as n'));
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  };

  it('never puts an agent over capacity and leaves every conversation assigned or waiting', async () => {
    const db = database.db;
    // Phase 1: 60 new conversations at once while agents flip between away and available.
    await Promise.all([arrive(60), toggleAvailability(24)]);
    await everyoneAvailable();
    await waitFor(settled, { timeoutMs: 90_000, what: 'phase 1 to settle' });
    // The audit trail so far, replayed event by event: never over capacity at any moment.
    expect((await replayAssignmentLoads(db)).violations).toEqual([]);
    const afterPhase1 = await loads();
    // Capacity is 15 in all, far below the 60 that arrived: everyone is exactly full now.
    for (const agent of agents) expect(afterPhase1.get(agent.id) ?? 0).toBe(agent.capacity);

    // Phase 2: agents resolve work while more arrives and availability keeps changing.
    const assigned = await db('conversations')
      .whereNotNull('assignee_id')
      .whereIn('status', ['new', 'open'])
      .select('id', 'assignee_id');
    const toResolve = assigned.slice(0, 10);
    await Promise.all([
      arrive(30),
      toggleAvailability(12),
      ...toResolve.map(async (c: { id: string; assignee_id: string }) => {
        await changeConversationStatus(db, {
          conversationId: c.id,
          status: 'resolved',
          userId: c.assignee_id,
        });
        await requestAutoAssign({ db, queues }, { conversationIds: [c.id] });
      }),
    ]);
    await everyoneAvailable();
    await waitFor(settled, { timeoutMs: 90_000, what: 'phase 2 to settle' });

    // The audit trail, replayed event by event: never over capacity at any moment.
    const { violations, autoAssignments } = await replayAssignmentLoads(db);
    expect(violations).toEqual([]);
    expect(autoAssignments).toBe(15 + 10);
    // Each assignment's own record of the load it saw under the lock.
    const recorded = await db('conversation_events')
      .where({ type: 'conversation.assigned' })
      .select<{ data: { loadBefore: number; capacity: number } }[]>('data');
    expect(recorded.every((e) => e.data.loadBefore < e.data.capacity)).toBe(true);

    // End state: 90 conversations, each assigned (within capacity) or waiting unassigned in its team.
    const all = await db('conversations').select('id', 'assignee_id', 'team_id', 'status');
    expect(all).toHaveLength(90);
    expect(all.every((c: { team_id: string | null }) => c.team_id !== null)).toBe(true);
    const finalLoads = await loads();
    for (const agent of agents) expect(finalLoads.get(agent.id) ?? 0).toBe(agent.capacity);
    const waiting = all.filter((c: { assignee_id: string | null; status: string }) => c.assignee_id === null);
    expect(waiting).toHaveLength(90 - 15 - 10);
    expect(waiting.every((c: { status: string }) => c.status === 'new')).toBe(true);
  });
});
