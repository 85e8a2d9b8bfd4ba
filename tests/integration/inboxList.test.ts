import type {
  BulkResponse,
  ConversationListResponse,
  ConversationResponse,
  ConversationSummary,
  SavedFilterListResponse,
  TeamListResponse,
  ViewCountsResponse,
} from '../../common/types';
import { recomputeWaitingSla } from '../../server/services/conversationSla';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 5: My teams, filters, SLA sort and state, keyset paging, saved filters, bulk actions and undo. */
describe('inbox list, filters, bulk and undo', () => {
  let stack: Stack;
  let anna: string;
  let ben: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    anna = await stack.login('anna@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const list = async (cookie: string, query: string) => {
    const res = await stack.api(cookie, 'GET', `/api/conversations?${query}`);
    expect(res.status).toBe(200);
    return res.body as ConversationListResponse;
  };
  const ids = async (query: string, cookie = anna) => (await list(cookie, query)).items.map((c) => c.id);
  const detail = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;
  const arrive = async (handle: string, text: string): Promise<ConversationSummary> => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} ${text}` });
    return waitFor(
      async () => (await list(anna, 'status=all&limit=200')).items.find((c) => c.contact.handle === handle),
      {
        what: `@${handle}`,
      },
    );
  };
  /** Pretends the customer has been waiting this many minutes (SLA and "waiting longer than"). */
  const waitedMinutes = async (id: string, minutes: number) => {
    await stack.core.db.raw(
      `update conversations set waiting_since = now() - make_interval(mins => ?),
         sla_started_at = now() - make_interval(mins => ?) where id = ?`,
      [minutes, minutes, id],
    );
    // The due time is computed by the services (no trigger): recompute as a policy change would.
    await recomputeWaitingSla(stack.core.db);
  };

  it('computes the SLA deadline and state, sorts by it and filters on it, on language and on waiting time', async () => {
    const fresh = await arrive('sla_fresh', 'Mein Internet ist weg, bitte helfen');
    const late = await arrive('sla_late', 'My bill is wrong, please help');
    const risky = await arrive('sla_risky', 'Still waiting for the technician');
    await waitedMinutes(late.id, 90); // normal: 60 min target → breached
    await waitedMinutes(risky.id, 10);
    await stack.api(anna, 'PATCH', `/api/conversations/${risky.id}`, { priority: 'urgent' }); // 15 min → 5 left

    const byId = new Map((await list(anna, 'status=open&limit=200')).items.map((c) => [c.id, c]));
    expect(byId.get(late.id)?.slaState).toBe('breached');
    expect(byId.get(risky.id)?.slaState).toBe('at_risk');
    expect(byId.get(fresh.id)?.slaState).toBe('ok');
    const due = Date.parse(byId.get(risky.id)!.slaDueAt!);
    expect(due - Date.now()).toBeGreaterThan(3 * 60_000);
    expect(due - Date.now()).toBeLessThan(6 * 60_000);
    // The language X reported.
    expect(byId.get(fresh.id)?.language).toBe('de');
    expect(byId.get(late.id)?.language).toBe('en');

    const bySla = await ids('status=open&sort=sla&limit=200');
    expect(bySla.indexOf(late.id)).toBeLessThan(bySla.indexOf(risky.id));
    expect(bySla.indexOf(risky.id)).toBeLessThan(bySla.indexOf(fresh.id));
    expect(await ids('status=open&sla=breached&limit=200')).toEqual([late.id]);
    expect(await ids('status=open&sla=at_risk&limit=200')).toEqual([risky.id]);
    expect(await ids('status=open&language=de&limit=200')).toContain(fresh.id);
    expect(await ids('status=open&language=de&limit=200')).not.toContain(late.id);
    expect((await ids('status=open&waitingMinutes=30&limit=200')).sort()).toEqual([late.id]);
    expect(await ids('status=open&priority=urgent&platform=x&limit=200')).toEqual([risky.id]);
    expect(await ids('status=open&platform=facebook&limit=200')).toEqual([]);

    // A reply clears the deadline: nobody is waiting any more.
    await stack.api(anna, 'POST', `/api/conversations/${late.id}/replies`, {
      text: 'Wir prüfen die Rechnung.',
      idempotencyKey: 'sla-reply-00000001',
    });
    // Once the reply is out (sent on the platform), nobody is waiting: the deadline goes.
    const replied = await waitFor(
      async () => {
        const c = await detail(late.id);
        return c.messages.some((m) => m.deliveryState === 'sent') ? c : undefined;
      },
      { what: 'the reply sent' },
    );
    expect(replied.slaDueAt).toBeNull();
    expect(replied.slaState).toBeNull();

    const bad = await stack.api(anna, 'GET', '/api/conversations?sla=late');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('sla');
  });

  it('pages by keyset in every sort without repeating or skipping a row', async () => {
    for (let i = 0; i < 7; i++) await arrive(`page_${i}`, `Frage ${i}`);
    for (const sort of ['waiting', 'sla', 'updated']) {
      const all = await ids(`status=all&sort=${sort}&limit=200`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ConversationListResponse = await list(
          anna,
          `status=all&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
  });

  it('pages through rows that share one timestamp to the microsecond (one ingest batch) without skipping', async () => {
    // A batch of ingested items is one transaction: its conversations share now() to the microsecond.
    await stack.core.db('conversations').update({ updated_at: '2026-11-20 10:00:00.123456+00' });
    const all = await ids('status=all&sort=updated&limit=200');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ConversationListResponse = await list(
        anna,
        `status=all&sort=updated&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThan(3);
    expect(paged).toEqual(all);
  });

  it('routes to a team: My teams lists it for members only, with its count, and the activity records it', async () => {
    const c = await arrive('team_tina', 'Bitte an das Team');
    const { teams } = (await stack.api(anna, 'GET', '/api/teams')).body as TeamListResponse;
    const team = teams.find((t) => t.name === 'Service DE')!;
    expect(team.memberIds).toHaveLength(3);
    const res = await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, { teamId: team.id });
    expect(res.body.conversation).toMatchObject({
      teamId: team.id,
      teamName: 'Service DE',
      assigneeId: null,
    });
    expect(await ids('status=teams', ben)).toContain(c.id);
    const admin = await stack.login('admin@demo.caredesk');
    expect(await ids('status=teams', admin)).not.toContain(c.id);
    const counts = ((await stack.api(ben, 'GET', '/api/conversations/counts')).body as ViewCountsResponse)
      .counts;
    expect(counts.teams).toBeGreaterThanOrEqual(1);
    const events = (await stack.api(anna, 'GET', `/api/conversations/${c.id}/events`)).body.events as Array<{
      type: string;
    }>;
    expect(events.map((e) => e.type)).toContain('conversation.team_assigned');
    const unknown = await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, {
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
  });

  it('saves filters per user with live counts, refuses duplicates and bad filters', async () => {
    const created = await stack.api(anna, 'POST', '/api/saved-filters', {
      name: 'Dringend auf X',
      view: 'open',
      sort: 'sla',
      filters: { platform: 'x', priority: 'urgent' },
    });
    expect(created.status).toBe(201);
    const urgentOpen = (await ids('status=open&platform=x&priority=urgent&limit=200')).length;
    expect(created.body.filter).toMatchObject({ name: 'Dringend auf X', sort: 'sla', count: urgentOpen });
    const dup = await stack.api(anna, 'POST', '/api/saved-filters', {
      name: 'dringend auf x',
      view: 'all',
      sort: 'updated',
      filters: {},
    });
    expect(dup.status).toBe(409);
    const bad = await stack.api(anna, 'POST', '/api/saved-filters', {
      name: 'Kaputt',
      view: 'open',
      sort: 'sla',
      filters: { colour: 'red' },
    });
    expect(bad.status).toBe(400);
    const mine = (await stack.api(anna, 'GET', '/api/saved-filters')).body as SavedFilterListResponse;
    expect(mine.items.map((f) => f.name)).toEqual(['Dringend auf X']);
    expect(
      ((await stack.api(ben, 'GET', '/api/saved-filters')).body as SavedFilterListResponse).items,
    ).toEqual([]);
    expect((await stack.api(ben, 'DELETE', `/api/saved-filters/${created.body.filter.id}`)).status).toBe(404);
    expect((await stack.api(anna, 'DELETE', `/api/saved-filters/${created.body.filter.id}`)).status).toBe(
      204,
    );
  });

  it('applies a bulk action row by row, reports what it could not do, and undoes exactly what it did', async () => {
    const a = await arrive('bulk_a', 'Eins');
    const b = await arrive('bulk_b', 'Zwei');
    await stack.api(ben, 'POST', `/api/conversations/${b.id}/claim`);
    await stack.api(anna, 'PATCH', `/api/conversations/${b.id}`, { tags: ['rechnung'] });
    const gone = '00000000-0000-4000-8000-000000000001';
    const res = await stack.api(anna, 'POST', '/api/conversations/bulk', {
      operations: [a, b, { id: gone }].map((c) => ({
        id: c.id,
        changes: { status: 'resolved', addTags: ['bulk'] },
      })),
    });
    expect(res.status).toBe(200);
    const results = (res.body as BulkResponse).results;
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await detail(a.id)).toMatchObject({ status: 'resolved', tags: ['bulk'] });
    expect(await detail(b.id)).toMatchObject({
      status: 'resolved',
      tags: ['bulk', 'rechnung'],
      assigneeName: 'Ben Okafor',
    });

    // Meanwhile Ben reopens b: undo must leave his change alone and say so.
    await stack.api(ben, 'PATCH', `/api/conversations/${b.id}`, { status: 'open' });
    const undo = await stack.api(anna, 'POST', '/api/conversations/bulk', {
      operations: results.flatMap((r) =>
        r.ok
          ? [
              {
                id: r.id,
                expectVersion: r.version,
                changes: {
                  status: r.before.status === 'new' ? 'open' : r.before.status,
                  tags: r.before.tags,
                },
              },
            ]
          : [],
      ),
    });
    const undone = (undo.body as BulkResponse).results;
    expect(undone.map((r) => r.ok)).toEqual([true, false]);
    expect(undone[1]).toMatchObject({ error: { code: 'changed_since' } });
    expect(await detail(a.id)).toMatchObject({ status: 'open', tags: [] });
    expect(await detail(b.id)).toMatchObject({ status: 'open', tags: ['bulk', 'rechnung'] });

    const invalid = await stack.api(anna, 'POST', '/api/conversations/bulk', {
      operations: [{ id: a.id, changes: {} }],
    });
    expect(invalid.status).toBe(400);
    const twice = await stack.api(anna, 'POST', '/api/conversations/bulk', {
      operations: [
        { id: a.id, changes: { priority: 'high' } },
        { id: a.id, changes: { priority: 'low' } },
      ],
    });
    expect(twice.status).toBe(400);
  });
});
