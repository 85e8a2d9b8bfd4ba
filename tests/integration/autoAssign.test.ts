import type { RoutingSettingsResponse } from '../../common/routing';
import type { ConversationListResponse } from '../../common/types';
import { ensureTeam } from '../../server/db/repositories/teams';
import { autoAssignTeam } from '../../server/services/autoAssign';
import { sweepAssignments } from '../../server/services/sweepAssignments';
import { insertWaitingConversation, setOffline, setOnline } from '../helpers/assignment';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 6: auto-assignment by team mode, availability, presence and capacity; away timeout. */
describe('auto-assignment', () => {
  let stack: Stack;
  let admin: string;
  let annaCookie: string;
  let benCookie: string;
  const ids: Record<'anna' | 'ben' | 'lea', string> = { anna: '', ben: '', lea: '' };

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    admin = await stack.login('admin@demo.caredesk');
    annaCookie = await stack.login('anna@demo.caredesk');
    benCookie = await stack.login('ben@demo.caredesk');
    for (const name of ['anna', 'ben', 'lea'] as const) {
      ids[name] = (
        await stack.core
          .db('users')
          .where({ email: `${name}@demo.caredesk` })
          .first('id')
      ).id;
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  let team: string;
  let teamCounter = 0;
  /** A fresh team per test with auto-assignment on; earlier tests' conversations no longer count. */
  beforeEach(async () => {
    await stack.core.db('teams').update({ assignment_mode: 'off' });
    await stack.core.db('conversations').update({ status: 'resolved' });
    await stack.core.db('users').update({ availability: 'available', capacity: 5 });
    await setOffline(stack.core.db, Object.values(ids));
    team = await ensureTeam(stack.core.db, `Auto ${++teamCounter}`, [
      'anna@demo.caredesk',
      'ben@demo.caredesk',
      'lea@demo.caredesk',
    ]);
  });

  const setMode = async (mode: string, extra: Record<string, unknown> = {}) => {
    const res = await stack.api(admin, 'PATCH', `/api/routing/teams/${team}`, {
      assignmentMode: mode,
      ...extra,
    });
    expect(res.status).toBe(200);
  };
  const setCapacity = async (userId: string, capacity: number) => {
    expect((await stack.api(admin, 'PATCH', `/api/routing/agents/${userId}`, { capacity })).status).toBe(200);
  };
  const waiting = (n: number, priority?: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        insertWaitingConversation(stack.core.db, {
          channelAccountId: stack.channelAccountId,
          teamId: team,
          waitedMinutes: 100 - i,
          ...(priority ? { priority } : {}),
        }),
      ),
    );
  const assigneeOf = async (id: string) =>
    (await stack.core.db('conversations').where({ id }).first('assignee_id')).assignee_id as string | null;
  const assignees = async (conversationIds: string[]) => Promise.all(conversationIds.map(assigneeOf));
  const loadOf = async (userId: string) =>
    Number(
      (
        await stack.core
          .db('conversations')
          .where({ assignee_id: userId })
          .whereIn('status', ['new', 'open'])
          .count('* as n')
      )[0]!.n,
    );

  it('round robin: takes turns among online, available members; offline and away agents get nothing', async () => {
    await setOnline(stack.core.db, [ids.anna, ids.ben]); // lea is offline
    const first = await waiting(4);
    await setMode('round_robin'); // turning it on triggers a pass
    const got = await waitFor(
      async () => {
        const a = await assignees(first);
        return a.every(Boolean) && a;
      },
      { what: 'four assignments' },
    );
    expect(got.filter((a) => a === ids.anna)).toHaveLength(2);
    expect(got.filter((a) => a === ids.ben)).toHaveLength(2);
    // Alternating, oldest first.
    expect(got[0]).not.toBe(got[1]);
    expect(got[1]).not.toBe(got[2]);
    expect(got).not.toContain(ids.lea);

    // Ben steps away (his own toggle): new work goes to Anna only.
    const away = await stack.api(benCookie, 'PATCH', '/api/routing/availability', { availability: 'away' });
    expect(away.body.availability).toBe('away');
    const more = await waiting(2);
    await autoAssignTeam(stack.core.db, team);
    expect(await assignees(more)).toEqual([ids.anna, ids.anna]);
    const events = await stack.core
      .db('conversation_events')
      .where({ conversation_id: more[0], type: 'conversation.assigned' })
      .select('actor_kind', 'data');
    expect(events).toEqual([
      {
        actor_kind: 'system',
        data: expect.objectContaining({ auto: true, mode: 'round_robin', to: ids.anna, capacity: 5 }),
      },
    ]);
  });

  it('least loaded: the agent with fewest open conversations gets the next one; urgent ones first', async () => {
    await setOnline(stack.core.db, [ids.anna, ids.ben]);
    await setMode('least_loaded');
    await stack.core.db('teams').where({ id: team }).update({ assignment_mode: 'off' });
    const annasOld = await waiting(3);
    await stack.core.db('conversations').whereIn('id', annasOld).update({ assignee_id: ids.anna });
    const normal = await waiting(4);
    const urgent = await waiting(1, 'urgent');
    await stack.core.db('teams').where({ id: team }).update({ assignment_mode: 'least_loaded' });
    expect(await autoAssignTeam(stack.core.db, team)).toBe(5);
    // Ben had 0, Anna 3: the urgent one and two more go to Ben, then they alternate at equal load.
    expect(await assigneeOf(urgent[0]!)).toBe(ids.ben);
    const order = await stack.core
      .db('conversation_events')
      .whereIn('conversation_id', [...urgent, ...normal])
      .where({ type: 'conversation.assigned' })
      .orderBy('id')
      .select('conversation_id', 'data');
    expect(order.map((e) => e.data.to)).toEqual([
      ids.ben,
      ids.ben,
      ids.ben,
      expect.any(String),
      expect.any(String),
    ]);
    expect(order[0]!.conversation_id).toBe(urgent[0]);
    expect(await loadOf(ids.anna)).toBe(4);
    expect(await loadOf(ids.ben)).toBe(4);
  });

  it('never gives an agent more than their capacity; the backlog is assigned as capacity frees up', async () => {
    await setOnline(stack.core.db, [ids.anna, ids.ben]);
    await setCapacity(ids.anna, 1);
    await setCapacity(ids.ben, 2);
    const convs = await waiting(5);
    await setMode('least_loaded');
    await waitFor(async () => (await assignees(convs)).filter(Boolean).length === 3, {
      what: 'three assigned',
    });
    // Another pass changes nothing: everyone is full.
    expect(await autoAssignTeam(stack.core.db, team)).toBe(0);
    expect(await loadOf(ids.anna)).toBe(1);
    expect(await loadOf(ids.ben)).toBe(2);
    const backlog = (await Promise.all(convs.map(async (id) => ((await assigneeOf(id)) ? null : id)))).filter(
      (id): id is string => id !== null,
    );
    expect(backlog).toHaveLength(2);

    // Anna resolves hers: the longest waiting of the backlog becomes hers (the change triggers a pass).
    const annas = (
      await stack.core.db('conversations').where({ assignee_id: ids.anna }).whereIn('id', convs).first('id')
    ).id;
    expect(
      (await stack.api(annaCookie, 'PATCH', `/api/conversations/${annas}`, { status: 'resolved' })).status,
    ).toBe(200);
    await waitFor(async () => (await assigneeOf(backlog[0]!)) === ids.anna, { what: 'backlog to anna' });
    expect(await assigneeOf(backlog[1]!)).toBeNull();

    // Ben sets one pending: it no longer counts, so he takes the last one.
    const bens = await stack.core
      .db('conversations')
      .where({ assignee_id: ids.ben })
      .whereIn('id', convs)
      .first('id');
    expect(
      (await stack.api(benCookie, 'PATCH', `/api/conversations/${bens.id}`, { status: 'pending' })).status,
    ).toBe(200);
    await waitFor(async () => (await assigneeOf(backlog[1]!)) === ids.ben, { what: 'backlog to ben' });
    expect(await loadOf(ids.ben)).toBe(2);
  });

  it('an agent coming back (available again) gets the waiting backlog', async () => {
    await setOnline(stack.core.db, [ids.anna]);
    await stack.api(annaCookie, 'PATCH', '/api/routing/availability', { availability: 'away' });
    await setMode('round_robin');
    const convs = await waiting(2);
    expect(await autoAssignTeam(stack.core.db, team)).toBe(0);
    expect((await stack.api(annaCookie, 'GET', '/api/routing/availability')).body.availability).toBe('away');
    await stack.api(annaCookie, 'PATCH', '/api/routing/availability', { availability: 'available' });
    await waitFor(async () => (await assignees(convs)).every((a) => a === ids.anna), {
      what: 'both to anna',
    });
  });

  it('returns the open, unanswered conversations of agents away or offline longer than the timeout', async () => {
    await setOnline(stack.core.db, [ids.anna, ids.ben, ids.lea]);
    await setMode('round_robin', { awayTimeoutMinutes: 10 });
    await stack.core.db('teams').where({ id: team }).update({ assignment_mode: 'off' });
    const [benWaiting, benAnswered, leaWaiting, annaWaiting] = await waiting(4);
    await stack.core.db('conversations').where({ id: benWaiting }).update({ assignee_id: ids.ben });
    await stack.core
      .db('conversations')
      .where({ id: benAnswered })
      .update({ assignee_id: ids.ben, waiting_since: null, status: 'open' });
    await stack.core.db('conversations').where({ id: leaWaiting }).update({ assignee_id: ids.lea });
    await stack.core.db('conversations').where({ id: annaWaiting }).update({ assignee_id: ids.anna });
    // Ben went away 5 minutes ago: not yet.
    await stack.core
      .db('users')
      .where({ id: ids.ben })
      .update({
        availability: 'away',
        availability_changed_at: stack.core.db.raw(`now() - interval '5 minutes'`),
      });
    // Lea closed her last tab 30 minutes ago.
    await setOffline(stack.core.db, [ids.lea]);
    await stack.core
      .db('users')
      .where({ id: ids.lea })
      .update({ last_online_at: stack.core.db.raw(`now() - interval '30 minutes'`) });
    await stack.core.db('teams').where({ id: team }).update({ assignment_mode: 'round_robin' });
    await sweepAssignments(stack.core.db);
    expect(await assigneeOf(benWaiting!)).toBe(ids.ben);
    // Lea's came back to the queue and went to the one agent still here.
    expect(await assigneeOf(leaWaiting!)).toBe(ids.anna);
    const returned = await stack.core
      .db('conversation_events')
      .where({ conversation_id: leaWaiting, type: 'conversation.returned_to_queue' })
      .select('data');
    expect(returned).toEqual([{ data: expect.objectContaining({ from: ids.lea, reason: 'offline' }) }]);

    // Ten minutes away: Ben's waiting one goes back, the one he answered stays with him.
    await stack.core
      .db('users')
      .where({ id: ids.ben })
      .update({ availability_changed_at: stack.core.db.raw(`now() - interval '11 minutes'`) });
    await sweepAssignments(stack.core.db);
    expect(await assigneeOf(benWaiting!)).toBe(ids.anna);
    expect(await assigneeOf(benAnswered!)).toBe(ids.ben);
    expect(await assigneeOf(annaWaiting!)).toBe(ids.anna);
    const benReturned = await stack.core
      .db('conversation_events')
      .where({ conversation_id: benWaiting, type: 'conversation.returned_to_queue' })
      .select('data');
    expect(benReturned).toEqual([{ data: expect.objectContaining({ from: ids.ben, reason: 'away' }) }]);
  });

  it('assigns a conversation routed to the team at ingest, and shows loads to leads', async () => {
    await setOnline(stack.core.db, [ids.ben]);
    await setMode('round_robin');
    const rule = await stack.api(admin, 'POST', '/api/routing-rules', {
      name: `To team ${team}`,
      conditions: { keywords: ['vertrag'] },
      actions: { teamId: team },
    });
    expect(rule.status).toBe(201);
    await simPost(stack.sim, {
      username: 'auto_ingest',
      text: `@${stack.brand.username} Frage zu meinem Vertrag`,
    });
    const conv = await waitFor(
      async () => {
        const res = await stack.api(benCookie, 'GET', '/api/conversations?status=all&limit=200');
        return (res.body as ConversationListResponse).items.find(
          (c) => c.contact.handle === 'auto_ingest' && c.assigneeId === ids.ben,
        );
      },
      { what: 'routed and assigned to ben' },
    );
    expect((await stack.core.db('conversations').where({ id: conv.id }).first('team_id')).team_id).toBe(team);
    const lea = await stack.login('lea@demo.caredesk');
    const settings = (await stack.api(lea, 'GET', '/api/routing/settings')).body as RoutingSettingsResponse;
    expect(settings.agents.find((a) => a.id === ids.ben)).toMatchObject({
      online: true,
      load: 1,
      availability: 'available',
    });
    expect(settings.teams.find((t) => t.id === team)).toMatchObject({ assignmentMode: 'round_robin' });
    expect(
      (await stack.api(lea, 'PATCH', `/api/routing/teams/${team}`, { assignmentMode: 'off' })).status,
    ).toBe(403);
    expect((await stack.api(annaCookie, 'GET', '/api/routing/settings')).status).toBe(403);
    expect((await stack.api(admin, 'PATCH', `/api/routing/agents/${ids.ben}`, { capacity: -1 })).status).toBe(
      400,
    );
  });
});
