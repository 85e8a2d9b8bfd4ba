import { DateTime } from 'luxon';
import { addBusinessMinutes, type BusinessCalendar, type OpeningInterval } from '../../common/businessTime';
import type {
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  ConversationSummary,
  SlaSettingsResponse,
  TeamListResponse,
} from '../../common/types';
import { recomputeWaitingSla } from '../../server/services/conversationSla';
import { recordSlaBreaches } from '../../server/services/recordSlaBreaches';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

const MINUTE = 60_000;
const WEEKDAYS_8_TO_20: OpeningInterval[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: '08:00',
  end: '20:00',
}));

/** Issue 6: SLA policies with business hours and holidays, first/next response, breach events. */
describe('SLA policies, business hours and breaches', () => {
  let stack: Stack;
  let admin: string;
  let lea: string;
  let anna: string;
  let teamId: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    admin = await stack.login('admin@demo.caredesk');
    lea = await stack.login('lea@demo.caredesk');
    anna = await stack.login('anna@demo.caredesk');
    const teams = (await stack.api(anna, 'GET', '/api/teams')).body as TeamListResponse;
    teamId = teams.teams.find((t) => t.name === 'Service DE')!.id;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const detail = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;
  const list = async (query: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations?${query}`)).body as ConversationListResponse).items;
  const arrive = async (handle: string, text: string): Promise<ConversationSummary> => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} ${text}` });
    return waitFor(
      async () => (await list('status=all&limit=200')).find((c) => c.contact.handle === handle),
      {
        what: `@${handle}`,
      },
    );
  };
  const due = (c: { slaDueAt: string | null }) => (c.slaDueAt === null ? null : Date.parse(c.slaDueAt));
  const events = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}/events`)).body as ConversationEventsResponse)
      .events;

  it('computes due times from the team’s business hours and holidays and the account’s policy', async () => {
    const c = await arrive('sla_hours', 'Mein Router blinkt rot');
    const inboundAt = new Date(c.firstInboundAt!);
    // No team, nothing configured: the default policy (normal: 60 min) around the clock.
    expect(c.slaTarget).toBe('first');
    expect(due(c)).toBe(inboundAt.getTime() + 60 * MINUTE);

    // Service DE works Mon–Fri 08–20 in Berlin and is closed today and tomorrow (local dates).
    const today = DateTime.now().setZone('Europe/Berlin');
    const holidays = [today.toISODate()!, today.plus({ days: 1 }).toISODate()!];
    const hours = await stack.api(admin, 'POST', `/api/sla/calendars/${teamId}/hours`, {
      timeZone: 'Europe/Berlin',
      intervals: WEEKDAYS_8_TO_20,
    });
    expect(hours.status).toBe(200);
    for (const date of holidays) {
      const added = await stack.api(admin, 'POST', `/api/sla/calendars/${teamId}/holidays`, {
        date,
        name: 'Test',
      });
      expect(added.status).toBe(201);
    }
    const calendar: BusinessCalendar = { timeZone: 'Europe/Berlin', intervals: WEEKDAYS_8_TO_20, holidays };

    // Routing it to the team recomputes with the team's calendar: no business minute passes today.
    await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, { teamId });
    const routed = await detail(c.id);
    expect(due(routed)).toBe(addBusinessMinutes(inboundAt, 60, calendar).getTime());
    expect(due(routed)! - inboundAt.getTime()).toBeGreaterThan(24 * 60 * MINUTE);
    expect(routed.slaState).toBe('ok');

    // An account policy (normal: 20 min first response) overrides the default at once.
    const saved = await stack.api(admin, 'POST', '/api/sla/policies', {
      platform: null,
      channelAccountId: stack.channelAccountId,
      targets: {
        low: { first: 120, next: 240 },
        normal: { first: 20, next: 40 },
        high: { first: 10, next: 20 },
        urgent: { first: 5, next: 10 },
      },
    });
    expect(saved.status).toBe(200);
    expect((saved.body as SlaSettingsResponse).policies.filter((p) => p.channelAccountId)).toHaveLength(4);
    expect(due(await detail(c.id))).toBe(addBusinessMinutes(inboundAt, 20, calendar).getTime());

    // Removing the override brings the default back.
    const removed = await stack.api(
      admin,
      'DELETE',
      `/api/sla/policies?channelAccountId=${stack.channelAccountId}`,
    );
    expect(removed.status).toBe(204);
    expect(due(await detail(c.id))).toBe(addBusinessMinutes(inboundAt, 60, calendar).getTime());

    // Back to no team: around the clock again.
    await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, { teamId: null });
    expect(due(await detail(c.id))).toBe(inboundAt.getTime() + 60 * MINUTE);
  });

  it('lets leads read and only admins change the settings, and validates them', async () => {
    const read = await stack.api(lea, 'GET', '/api/sla');
    expect(read.status).toBe(200);
    const body = read.body as SlaSettingsResponse;
    expect(body.canEdit).toBe(false);
    expect(body.calendars.find((c) => c.teamId === teamId)).toMatchObject({
      configured: true,
      timeZone: 'Europe/Berlin',
    });
    expect(body.policies.filter((p) => p.platform === null && p.channelAccountId === null)).toHaveLength(4);
    expect((await stack.api(anna, 'GET', '/api/sla')).status).toBe(403);
    const leadWrite = await stack.api(lea, 'POST', `/api/sla/calendars/default/hours`, {
      timeZone: 'Europe/Berlin',
      intervals: WEEKDAYS_8_TO_20,
    });
    expect(leadWrite.status).toBe(403);

    const badZone = await stack.api(admin, 'POST', '/api/sla/calendars/default/hours', {
      timeZone: 'Mars/Olympus',
      intervals: WEEKDAYS_8_TO_20,
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.field).toBe('timeZone');
    const backwards = await stack.api(admin, 'POST', '/api/sla/calendars/default/hours', {
      timeZone: 'Europe/Berlin',
      intervals: [{ weekday: 1, start: '20:00', end: '08:00' }],
    });
    expect(backwards.status).toBe(400);
    const zero = await stack.api(admin, 'POST', '/api/sla/policies', {
      platform: null,
      channelAccountId: null,
      targets: {
        low: { first: 0, next: 1 },
        normal: { first: 1, next: 1 },
        high: { first: 1, next: 1 },
        urgent: { first: 1, next: 1 },
      },
    });
    expect(zero.status).toBe(400);
    const removeDefault = await stack.api(admin, 'DELETE', '/api/sla/policies');
    expect(removeDefault.status).toBe(422);
  });

  it('uses the next-response target after a reply and a new customer message; priority recomputes', async () => {
    const c = await arrive('sla_next', 'Wann kommt der Techniker?');
    const first = (await detail(c.id)).messages.find((m) => m.direction === 'inbound')!;
    await stack.api(anna, 'POST', `/api/conversations/${c.id}/replies`, {
      text: 'Morgen zwischen 8 und 12 Uhr.',
      idempotencyKey: 'sla-next-reply-0001',
    });
    const answered = await waitFor(
      async () => {
        const d = await detail(c.id);
        return d.messages.some((m) => m.deliveryState === 'sent') ? d : undefined;
      },
      { what: 'the reply sent' },
    );
    expect(answered.slaDueAt).toBeNull();
    expect(answered.slaTarget).toBeNull();

    await simPost(stack.sim, {
      username: 'sla_next',
      text: `@${stack.brand.username} Geht es auch nachmittags?`,
      inReplyTo: first.externalId!,
    });
    const waiting = await waitFor(
      async () => {
        const d = await detail(c.id);
        return d.slaDueAt !== null ? d : undefined;
      },
      { what: 'the customer waiting again' },
    );
    const second = waiting.messages.filter((m) => m.direction === 'inbound').at(-1)!;
    const secondAt = Date.parse(second.platformCreatedAt!);
    expect(waiting.slaTarget).toBe('next');
    // Default normal next-response target: 120 min (first was 60).
    expect(due(waiting)).toBe(secondAt + 120 * MINUTE);

    const patched = await stack.api(anna, 'PATCH', `/api/conversations/${c.id}`, { priority: 'urgent' });
    expect(patched.status).toBe(200);
    const urgent = await detail(c.id);
    expect(urgent.slaTarget).toBe('next');
    expect(due(urgent)).toBe(secondAt + 30 * MINUTE);
    expect(Date.parse(urgent.slaAtRiskAt!)).toBe(secondAt + 23 * MINUTE);
  });

  it('records a breach exactly once, even with sweeps racing, pushes it live, and sorts and filters by it', async () => {
    const { events: pushed } = await stack.connectSocket(anna);
    const late = await arrive('sla_breach', 'Seit Stunden kein Internet');
    const fresh = await arrive('sla_fresh2', 'Kurze Frage zur Rechnung');
    // The customer has been waiting 90 minutes; recompute as a policy change would.
    await stack.core.db.raw(
      `update conversations set waiting_since = now() - interval '90 minutes',
         sla_started_at = now() - interval '90 minutes' where id = ?`,
      [late.id],
    );
    await recomputeWaitingSla(stack.core.db);

    // Several sweepers at once (plus the workers' own): one claim, one event.
    await Promise.all([1, 2, 3, 4].map(() => recordSlaBreaches(stack.core.db)));
    const breach = await waitFor(
      () => pushed.find((e) => e.type === 'sla.breached' && e.conversationId === late.id),
      { what: 'sla.breached over the socket' },
    );
    expect(breach).toMatchObject({ type: 'sla.breached', target: 'first' });
    await Promise.all([1, 2].map(() => recordSlaBreaches(stack.core.db)));

    const recorded = (await events(late.id)).filter((e) => e.type === 'sla.breached');
    expect(recorded).toHaveLength(1);
    const policy = ((await stack.api(admin, 'GET', '/api/sla')).body as SlaSettingsResponse).policies.find(
      (p) => p.platform === null && p.channelAccountId === null && p.priority === 'normal',
    )!;
    expect(recorded[0]!.data).toMatchObject({
      target: 'first',
      dueAt: (await detail(late.id)).slaDueAt,
      policyId: policy.id,
      minutes: 60,
    });
    expect(pushed.filter((e) => e.type === 'sla.breached' && e.conversationId === late.id)).toHaveLength(1);
    expect(pushed.some((e) => e.type === 'sla.breached' && e.conversationId === fresh.id)).toBe(false);

    const breached = await list('status=open&sla=breached&limit=200');
    expect(breached.map((x) => x.id)).toContain(late.id);
    expect(breached.map((x) => x.id)).not.toContain(fresh.id);
    const bySla = (await list('status=open&sort=sla&limit=200')).map((x) => x.id);
    expect(bySla.indexOf(late.id)).toBeLessThan(bySla.indexOf(fresh.id));
    expect((await list('status=open&sla=ok&limit=200')).map((x) => x.id)).toContain(fresh.id);
  });
});
