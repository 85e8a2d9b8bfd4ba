import { DateTime } from 'luxon';
import { REPORT_METRICS, type ReportGroup, type ReportResponse } from '../../common/reports';
import { backfillResponseMetrics } from '../../server/services/metrics/backfillResponseMetrics';
import { refreshConversationMetrics } from '../../server/services/metrics/refreshConversationMetrics';
import { weeklyCalendar } from '../../server/services/metrics/weeklyCalendar';
import { buildReport } from '../../server/services/reports/buildReport';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 6, metrics and reports. The fixture (README "Metrics", fixture table) is built by direct inserts
 * with fixed timestamps, then measured by `refreshConversationMetrics` (what the reply, status and
 * ingest paths call) with a Berlin Mon–Fri 09:00–17:00 calendar; the figures are read over HTTP.
 * The last test goes through the real path: simulator post, reply, resolve.
 */
describe('reports', () => {
  let stack: Stack;
  let lea: string;
  let anna: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    lea = await stack.login('lea@demo.caredesk');
    anna = await stack.login('anna@demo.caredesk');
    const db = stack.core.db;
    for (const u of await db('users').select('id', 'email')) ids[String(u.email).split('@')[0] ?? ''] = u.id;
    ids.team = (await db('teams').where({ name: 'Service DE' }).first('id')).id;
    ids.north = (await db('teams').insert({ name: 'Support, "Nord"' }).returning('id'))[0].id;

    let n = 0;
    const contact = async () =>
      (
        await db('contacts')
          .insert({
            platform: 'x',
            platform_user_id: `fixture-${++n}`,
            handle: `fixture_${n}`,
            name: `Fixture ${n}`,
          })
          .returning('id')
      )[0].id;
    const conversation = async (teamId: string | undefined) =>
      (
        await db('conversations')
          .insert({
            channel_account_id: stack.channelAccountId,
            contact_id: await contact(),
            thread_key: `fixture-${++n}`,
            status: 'open',
            team_id: teamId,
            assignee_id: ids.anna,
          })
          .returning('id')
      )[0].id as string;
    const message = (conversationId: string, m: Record<string, unknown>) =>
      db('messages').insert({
        conversation_id: conversationId,
        channel_account_id: stack.channelAccountId,
        text: 'x',
        ...m,
      });
    const inbound = (c: string, at: string, channel = 'public') =>
      message(c, {
        direction: 'inbound',
        channel,
        external_id: `in-${++n}`,
        platform_created_at: at,
        received_at: at,
        created_at: at,
      });
    const reply = (
      c: string,
      user: string,
      submitted: string,
      sent: string,
      channel = 'public',
      state = 'sent',
    ) =>
      message(c, {
        direction: 'outbound',
        channel,
        author_user_id: ids[user],
        delivery_state: state,
        external_id: state === 'sent' ? `out-${++n}` : null,
        created_at: submitted,
        sent_at: state === 'sent' ? sent : null,
      });
    const note = (c: string, user: string, at: string) =>
      message(c, { direction: 'note', author_user_id: ids[user], created_at: at });
    const resolve = (c: string, user: string, at: string) =>
      db('conversation_events').insert({
        conversation_id: c,
        type: 'conversation.status_changed',
        actor_kind: 'user',
        actor_user_id: ids[user],
        data: { from: 'open', to: 'resolved' },
        created_at: at,
      });

    // A: reopened (two episodes), a note by ben, ben answers the reopening although anna is the assignee.
    const a = await conversation(ids.team);
    await inbound(a, '2026-10-19T08:00:00Z');
    await note(a, 'ben', '2026-10-19T08:05:00Z');
    await reply(a, 'anna', '2026-10-19T08:08:00Z', '2026-10-19T08:10:00Z');
    await resolve(a, 'anna', '2026-10-19T09:00:00Z');
    await inbound(a, '2026-10-20T07:00:00Z');
    await inbound(a, '2026-10-20T07:02:00Z');
    await reply(a, 'ben', '2026-10-20T07:29:00Z', '2026-10-20T07:30:00Z');
    await inbound(a, '2026-10-20T08:00:00Z');
    await reply(a, 'anna', '2026-10-20T08:19:00Z', '2026-10-20T08:20:00Z');
    await resolve(a, 'anna', '2026-10-20T09:00:00Z');
    // B: a DM on Friday afternoon, answered on Monday after the end of DST (2026-10-25).
    const b = await conversation(ids.team);
    await inbound(b, '2026-10-23T14:00:00Z', 'dm');
    await note(b, 'anna', '2026-10-23T14:30:00Z');
    await reply(b, 'anna', '2026-10-26T08:58:00Z', '2026-10-26T09:00:00Z', 'dm');
    await resolve(b, 'anna', '2026-10-26T09:30:00Z');
    // C: only a note and a failed reply: no response at all.
    const c = await conversation(ids.north);
    await inbound(c, '2026-10-21T10:00:00Z');
    await note(c, 'anna', '2026-10-21T10:05:00Z');
    await reply(c, 'anna', '2026-10-21T10:06:00Z', '', 'public', 'failed');

    const weekdays = [['09:00', '17:00']] as const;
    const berlin = weeklyCalendar({
      timeZone: 'Europe/Berlin',
      week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
    });
    for (const id of [a, b, c]) {
      await db.transaction((trx) => refreshConversationMetrics(trx, id, { calendars: () => berlin }));
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  const report = async (query: string, cookie = lea) => {
    const res = await stack.api(cookie, 'GET', `/api/reports?from=2026-10-19&to=2026-10-26&${query}`);
    expect(res.status).toBe(200);
    return res.body as ReportResponse;
  };
  const stats = (g: ReportGroup | undefined, metric: 'frt' | 'nrt' | 'resolution' | 'handle') => {
    const s = g?.metrics[metric];
    const r = (
      x: { count: number; mean: number | null; median: number | null; p90: number | null } | undefined,
    ) =>
      x
        ? [x.count, x.mean, x.median, x.p90].map((v) => (v === null ? null : Math.round(v * 100) / 100))
        : null;
    return { wall: r(s?.wall), business: r(s?.business) };
  };

  it('credits each response to the agent who sent it, with exact means, medians and p90s (fixture table)', async () => {
    const body = await report('groupBy=agent');
    expect(body.approximate).toBe(false);
    const anna = body.groups.find((g) => g.key === ids.anna);
    const ben = body.groups.find((g) => g.key === ids.ben);
    expect(anna?.label).toBe('Anna Berger');
    expect(stats(anna, 'frt')).toEqual({
      wall: [2, 120900, 120900, 217140],
      business: [2, 3900, 3900, 6540],
    });
    expect(stats(anna, 'nrt')).toEqual({ wall: [1, 1200, 1200, 1200], business: [1, 1200, 1200, 1200] });
    expect(stats(anna, 'resolution')).toEqual({
      wall: [3, 84600, 7200, 195840],
      business: [3, 6600, 7200, 8640],
    });
    expect(stats(anna, 'handle')).toEqual({
      wall: [3, 83320, 5460, 194052],
      business: [3, 5320, 5460, 6852],
    });
    // Ben answered the reopened conversation assigned to Anna: his response, not hers.
    expect(stats(ben, 'frt')).toEqual({ wall: [1, 1800, 1800, 1800], business: [1, 1800, 1800, 1800] });
    expect(ben?.metrics.nrt?.wall.count).toBe(0);
    expect(ben?.metrics.resolution?.wall.count).toBe(0);
  });

  it('counts volumes and groups by day, channel and team; notes and failed replies are no responses', async () => {
    const byTeam = await report('groupBy=team');
    const team = byTeam.groups.find((g) => g.key === ids.team);
    const north = byTeam.groups.find((g) => g.key === ids.north);
    expect([team?.inbound, team?.conversations, team?.resolved]).toEqual([5, 3, 3]);
    expect(team?.metrics.frt?.wall.count).toBe(3);
    expect([north?.label, north?.inbound, north?.conversations, north?.metrics.frt?.wall.count]).toEqual([
      'Support, "Nord"',
      1,
      1,
      0,
    ]);

    const byDay = await report('groupBy=day&metric=frt');
    expect(byDay.groups.map((g) => g.key)).toHaveLength(8);
    const frtByDay = Object.fromEntries(byDay.groups.map((g) => [g.key, g.metrics.frt?.wall.count]));
    expect(frtByDay).toMatchObject({ '2026-10-19': 1, '2026-10-20': 1, '2026-10-21': 0, '2026-10-26': 1 });
    expect(byDay.groups[0]?.metrics.nrt).toBeUndefined();

    const byChannel = await report('groupBy=channel&metric=frt');
    const dm = byChannel.groups.find((g) => g.key === 'x:dm');
    expect(stats(dm, 'frt')).toEqual({ wall: [1, 241200, 241200, 241200], business: [1, 7200, 7200, 7200] });
    expect(byChannel.groups.find((g) => g.key === 'x:public')?.metrics.frt?.wall.count).toBe(2);
  });

  it('exports CSV with a BOM, a header and escaped labels', async () => {
    const res = await fetch(
      `${stack.web.url}/api/reports?from=2026-10-19&to=2026-10-26&groupBy=team&format=csv`,
      { headers: { cookie: lea } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(
      'caredesk-report-2026-10-19-2026-10-26-team.csv',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^group,label,inbound,conversations,resolved,frt_count,frt_mean_s,frt_median_s,frt_p90_s,frt_business_count/,
    );
    expect(lines).toContain(`${ids.north},"Support, ""Nord""",1,1,0,0,,,,0,,,,0,,,,0,,,,0,,,,0,,,,0,,,,0,,,`);
    expect(lines.find((l) => l.startsWith(ids.team!))).toMatch(/^[^,]+,Service DE,5,3,3,3,/);
  });

  it('gives the same counts and means from the histogram rollup as from the events', async () => {
    for (const groupBy of ['agent', 'team', 'day', 'hour', 'channel', 'account'] as const) {
      const q = { from: '2026-10-19', to: '2026-10-26', groupBy, metrics: [...REPORT_METRICS] };
      const exact = await buildReport(stack.core.db, { ...q, mode: 'exact' });
      const rollup = await buildReport(stack.core.db, { ...q, mode: 'histogram' });
      expect(rollup.approximate).toBe(true);
      const countsAndMeans = (r: ReportResponse) =>
        r.groups.map((g) => [
          g.key,
          g.inbound,
          g.conversations,
          g.resolved,
          ...REPORT_METRICS.flatMap((m) => {
            const s = g.metrics[m];
            return [s?.wall.count, s?.wall.mean?.toFixed(3), s?.business.count, s?.business.mean?.toFixed(3)];
          }),
        ]);
      expect(countsAndMeans(rollup)).toEqual(countsAndMeans(exact));
    }
  });

  it('recomputes the same figures from scratch with the backfill', async () => {
    const before = await report('groupBy=agent');
    await stack.core.db('response_metrics').where('local_day', '<', '2026-11-01').delete();
    expect(
      (await report('groupBy=agent')).groups.find((g) => g.key === ids.anna)?.metrics.frt?.wall.count ?? 0,
    ).toBe(0);
    const weekdays = [['09:00', '17:00']] as const;
    const berlin = weeklyCalendar({
      timeZone: 'Europe/Berlin',
      week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
    });
    await backfillResponseMetrics(stack.core.db, { calendars: () => berlin, batchSize: 2 });
    expect(await report('groupBy=agent')).toEqual(before);
  });

  it('is for leads and admins: agents get 403, bad input 400', async () => {
    expect((await stack.api(anna, 'GET', '/api/reports?from=2026-10-19&to=2026-10-26')).status).toBe(403);
    const admin = await stack.login('admin@demo.caredesk');
    expect((await stack.api(admin, 'GET', '/api/reports?from=2026-10-19&to=2026-10-26')).status).toBe(200);
    const bad = await stack.api(lea, 'GET', '/api/reports?from=2026-10-26&to=2026-10-19');
    expect(bad.status).toBe(400);
    expect(
      (await stack.api(lea, 'GET', '/api/reports?from=2026-10-19&to=2026-10-26&metric=speed')).status,
    ).toBe(400);
  });

  it('records metrics on the real path: a reply becoming sent, a resolve, a reopening inbound', async () => {
    const firstPost = await simPost(stack.sim, {
      username: 'metrics_mia',
      text: `@${stack.brand.username} Mein Router blinkt rot`,
    });
    const conv = await waitFor(
      async () =>
        (await stack.api(anna, 'GET', '/api/conversations?status=all&limit=200')).body.items.find(
          (x: { contact: { handle: string } }) => x.contact.handle === 'metrics_mia',
        ),
      { what: 'the conversation' },
    );
    const sent = await stack.api(anna, 'POST', `/api/conversations/${conv.id}/replies`, {
      text: 'Wir schauen nach.',
      idempotencyKey: 'metrics-reply-0001',
    });
    expect(sent.status).toBe(202);
    const rows = () => stack.core.db('response_metrics').where({ conversation_id: conv.id }).orderBy('id');
    const first = await waitFor(async () => (await rows()).find((r) => r.kind === 'first'), {
      what: 'the FRT row',
    });
    expect(first.agent_id).toBe(ids.anna);
    expect(first.seconds).toBeGreaterThanOrEqual(0);
    expect(
      (await stack.api(lea, 'PATCH', `/api/conversations/${conv.id}`, { status: 'resolved' })).status,
    ).toBe(200);
    expect((await rows()).filter((r) => r.kind === 'resolution')).toHaveLength(1);

    await simPost(stack.sim, {
      username: 'metrics_mia',
      text: `@${stack.brand.username} Wieder kaputt`,
      inReplyTo: firstPost,
    });
    await waitFor(async () => (await rows()).filter((r) => r.kind === 'episode').length === 2 || undefined, {
      what: 'the second episode',
    });
    const today = DateTime.now().setZone('Europe/Berlin').toISODate()!;
    const res = await stack.api(lea, 'GET', `/api/reports?from=${today}&to=${today}&groupBy=agent`);
    const annaToday = (res.body as ReportResponse).groups.find((g) => g.key === ids.anna);
    expect(annaToday?.metrics.frt?.wall.count).toBe(1);
    expect(annaToday?.resolved).toBe(1);
  });
});
