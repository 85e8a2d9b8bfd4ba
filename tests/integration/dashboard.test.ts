import { randomUUID } from 'node:crypto';
import { type ConversationListResponse, type DashboardResponse, PRESENCE_REPORT } from '../../common/types';
import { recomputeWaitingSla } from '../../server/services/conversationSla';
import { teamDashboard } from '../../server/services/teamDashboard';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 6, point 5: the lead's live dashboard. */
describe('team lead dashboard', () => {
  let stack: Stack;
  let lea: string;
  let ben: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 400 });
    lea = await stack.login('lea@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** Pretends the customer has been waiting this many minutes; due times are recomputed as a policy change would. */
  const waitedMinutes = async (id: string, minutes: number) => {
    await stack.core.db.raw(
      `update conversations set waiting_since = now() - make_interval(mins => ?),
         sla_started_at = now() - make_interval(mins => ?) where id = ?`,
      [minutes, minutes, id],
    );
    await recomputeWaitingSla(stack.core.db);
  };
  const dashboard = async () => {
    const res = await stack.api(lea, 'GET', '/api/dashboard');
    expect(res.status).toBe(200);
    return res.body as DashboardResponse;
  };

  it('shows queues, the oldest waiting customer, SLA at risk and breached, and agents online with their load', async () => {
    await simPost(stack.sim, {
      username: 'dash_dora',
      text: `@${stack.brand.username} Seit Stunden kein Netz`,
    });
    await simPost(stack.sim, { username: 'dash_dirk', text: `@${stack.brand.username} Rechnung falsch` });
    const [dora, dirk] = await waitFor(
      async () => {
        const items = (
          (await stack.api(lea, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items;
        const d1 = items.find((c) => c.contact.handle === 'dash_dora');
        const d2 = items.find((c) => c.contact.handle === 'dash_dirk');
        return d1 && d2 ? [d1, d2] : undefined;
      },
      { what: 'both conversations' },
    );
    await waitedMinutes(dora!.id, 120);
    await waitedMinutes(dirk!.id, 50);
    await stack.api(ben, 'POST', `/api/conversations/${dirk!.id}/claim`);
    const benTab = await stack.connectSocket(ben);
    benTab.socket.emit(PRESENCE_REPORT, { conversationId: dirk!.id, typing: false });
    await waitFor(async () => (await dashboard()).agents.find((a) => a.name === 'Ben Okafor')?.online, {
      what: 'Ben online',
    });

    const d = await dashboard();
    expect(d.queues).toMatchObject({ waiting: 2, unassigned: 1 });
    expect(d.oldestWaiting).toMatchObject({ conversationId: dora!.id, contactHandle: 'dash_dora' });
    expect(d.sla).toEqual({ atRisk: 1, breached: 1 });
    const benRow = d.agents.find((a) => a.name === 'Ben Okafor')!;
    expect(benRow).toMatchObject({ availability: 'available', capacity: 5 });
    await stack.api(ben, 'PATCH', '/api/routing/availability', { availability: 'away' });
    expect((await dashboard()).agents.find((a) => a.name === 'Ben Okafor')?.availability).toBe('away');
    expect(benRow).toMatchObject({
      online: true,
      tabs: 1,
      viewingConversationId: dirk!.id,
      assignedOpen: 1,
      assignedWaiting: 1,
    });
    expect(d.agents.find((a) => a.name === 'Anna Berger')).toMatchObject({ online: false, assignedOpen: 0 });
    expect(d.agents.some((a) => a.role === 'admin')).toBe(false);
    expect(d.channels[0]).toMatchObject({ platform: 'x', status: 'active', handle: stack.brand.username });
    expect(d.channels[0]!.pollLagSeconds).toBeLessThan(60);
    benTab.socket.disconnect();
  });

  it('counts inbound in the last 15 minutes against the same window on the previous 14 days and flags a spike', async () => {
    const now = new Date('2030-06-03T10:00:00Z');
    const template = await stack.core.db('messages').where({ direction: 'inbound' }).first();
    const insertAt = async (times: Date[]) => {
      for (const at of times) {
        await stack.core.db('messages').insert({
          ...template,
          id: randomUUID(),
          external_id: `fixture-${randomUUID()}`,
          search_vector: undefined,
          created_at: at,
          updated_at: at,
        });
      }
    };
    const minutesBefore = (base: Date, days: number, minutes: number) =>
      new Date(base.getTime() - days * 86_400_000 - minutes * 60_000);
    // Usual: 2 in the window on each of the 14 days before (28 → 2.0), plus noise just outside the windows.
    const history: Date[] = [];
    for (let day = 1; day <= 14; day++) history.push(minutesBefore(now, day, 1), minutesBefore(now, day, 14));
    history.push(minutesBefore(now, 1, 16), minutesBefore(now, 2, -1));
    await insertAt(history);
    // Today: 7 in the window — 3.5 × usual but under the minimum of 10.
    const today = Array.from({ length: 7 }, (_, i) => minutesBefore(now, 0, i + 1));
    await insertAt(today);
    const spike = { factor: 3, minInbound: 10 };
    const calm = await teamDashboard(stack.core.db, { userId: randomUUID(), spike, now });
    expect(calm.inbound).toMatchObject({
      windowMinutes: 15,
      current: 7,
      usual: 2,
      days: 14,
      factor: 3.5,
      spike: false,
    });

    await insertAt(Array.from({ length: 4 }, (_, i) => minutesBefore(now, 0, 10 + i)));
    const alarm = await teamDashboard(stack.core.db, { userId: randomUUID(), spike, now });
    expect(alarm.inbound).toMatchObject({ current: 11, usual: 2, factor: 5.5, spike: true });
  });

  it('is for leads and admins only', async () => {
    expect((await stack.api(ben, 'GET', '/api/dashboard')).status).toBe(403);
    const admin = await stack.login('admin@demo.caredesk');
    expect((await stack.api(admin, 'GET', '/api/dashboard')).status).toBe(200);
  });
});
