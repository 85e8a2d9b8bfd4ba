import { randomUUID } from 'node:crypto';
import {
  type ConversationListResponse,
  type ConversationResponse,
  PRESENCE_REPORT,
  type RealtimeEvent,
  type Role,
} from '../../common/types';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import { listRoutes } from '../helpers/routes';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 7 points 2 and 8: every route the express app serves × every role. The expected table is
 * written out here by hand, independent of server/auth/routePermissions.ts: a route added to any
 * router without an entry here fails the test, and so does any role reaching a route it must not.
 */
const ALL: readonly Role[] = ['admin', 'lead', 'agent', 'guide'];
const STAFF: readonly Role[] = ['admin', 'lead', 'agent'];
const MANAGERS: readonly Role[] = ['admin', 'lead'];
const ADMIN: readonly Role[] = ['admin'];
const PUBLIC = 'public' as const;

const EXPECTED: Record<string, readonly Role[] | typeof PUBLIC> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  // Prometheus scrapes without a session; METRICS_TOKEN protects it (tests/integration/observability).
  'GET /metrics': PUBLIC,
  // bull-board's queue list; the rest of /admin/queues is behind the same guard.
  'GET /admin/queues/api/queues': ADMIN,
  'GET /webhooks/facebook': PUBLIC,
  'POST /webhooks/facebook': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /media/:token': PUBLIC,
  'GET /api/me': ALL,
  'PATCH /api/me': ALL,
  'POST /api/me/password': ALL,
  'POST /api/users/:id/password-reset': ADMIN,
  'GET /api/auth/oidc/config': PUBLIC,
  'GET /api/auth/oidc/start': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,
  'GET /api/conversations': ALL,
  'POST /api/conversations/bulk': ALL,
  'GET /api/conversations/counts': ALL,
  'GET /api/conversations/:id': ALL,
  'PATCH /api/conversations/:id': ALL,
  'POST /api/conversations/:id/assign': ALL,
  'POST /api/conversations/:id/claim': ALL,
  'POST /api/conversations/:id/notes': ALL,
  'GET /api/conversations/:id/events': ALL,
  'POST /api/conversations/:id/replies': ALL,
  'POST /api/messages/:id/retry': ALL,
  'POST /api/messages/:id/moderation': STAFF,
  'GET /api/messages/drafts': STAFF,
  'POST /api/messages/:id/approve': STAFF,
  'POST /api/messages/:id/reject': STAFF,
  'GET /api/channel-accounts': ALL,
  'PATCH /api/channel-accounts/:id/settings': MANAGERS,
  'GET /api/users': ALL,
  'GET /api/presence': ALL,
  'GET /api/teams': ALL,
  'GET /api/dashboard': MANAGERS,
  'GET /api/saved-filters': ALL,
  'POST /api/saved-filters': ALL,
  'DELETE /api/saved-filters/:id': ALL,
  'GET /api/contacts/:id': ALL,
  'GET /api/notifications': ALL,
  'POST /api/notifications/read': ALL,
  'GET /api/canned-responses': ALL,
  'POST /api/canned-responses': MANAGERS,
  'GET /api/canned-responses/:id': ALL,
  'PATCH /api/canned-responses/:id': MANAGERS,
  'DELETE /api/canned-responses/:id': MANAGERS,
  'POST /api/attachments': ALL,
  'GET /api/search': ALL,
  'GET /api/sla': MANAGERS,
  'POST /api/sla/policies': ADMIN,
  'DELETE /api/sla/policies': ADMIN,
  'POST /api/sla/calendars/:teamId/hours': ADMIN,
  'DELETE /api/sla/calendars/:teamId/hours': ADMIN,
  'POST /api/sla/calendars/:teamId/holidays': ADMIN,
  'DELETE /api/sla/holidays/:id': ADMIN,
  'GET /api/routing-rules': MANAGERS,
  'POST /api/routing-rules/dry-run': MANAGERS,
  'POST /api/routing-rules/reorder': ADMIN,
  'POST /api/routing-rules': ADMIN,
  'PATCH /api/routing-rules/:id': ADMIN,
  'DELETE /api/routing-rules/:id': ADMIN,
  'GET /api/routing/settings': MANAGERS,
  'PATCH /api/routing/teams/:id': ADMIN,
  'PATCH /api/routing/agents/:id': ADMIN,
  'GET /api/routing/availability': ALL,
  'PATCH /api/routing/availability': ALL,
  'GET /api/reports': MANAGERS,
  'GET /api/users/manage': ADMIN,
  'POST /api/users/invites': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/deactivate': ADMIN,
  'POST /api/users/:id/reactivate': ADMIN,
  'GET /api/audit': ADMIN,
  'POST /api/channel-accounts/x/oauth/start': ADMIN,
  'GET /api/channel-accounts/x/oauth/callback': ADMIN,
  'POST /api/channel-accounts/x/keys': ADMIN,
  'POST /api/channel-accounts/facebook': ADMIN,
  'POST /api/channel-accounts/:id/reauthorise': ADMIN,
  'DELETE /api/channel-accounts/:id': ADMIN,
  'GET /api/invites/:token': PUBLIC,
  'POST /api/invites/:token/accept': PUBLIC,
};

const LOGINS: Record<Role, string> = {
  admin: 'admin@demo.caredesk',
  lead: 'lea@demo.caredesk',
  agent: 'anna@demo.caredesk',
  guide: 'gina@demo.caredesk',
};

/** Every route of the real app, including the optional Facebook webhook, from the router stack. */
function appRoutes() {
  const quiet = createLogger('silent');
  const app = createApp({
    db: {} as never,
    queues: {} as never,
    adapters: {} as never,
    pingQueue: async () => {},
    logger: quiet,
    sessionTtlMs: 1,
    secureCookies: false,
    facebookWebhook: { appSecret: 'x', verifyToken: 'y' } as never,
    // Mounts the admin routes that connect channels (configured in every real start and in the stack).
    channelConnection: {} as never,
    // Mounts the OpenID Connect sign-in routes (public: they start and finish a login).
    oidc: {} as never,
    // Mounts the admins' queue dashboard (its queues are attached on the first request only).
    queueDashboard: {} as never,
    clientDir: null,
  });
  return listRoutes(app).map((r) => `${r.method} ${r.path}`);
}

/** A concrete URL for a route pattern: unknown ids, so an allowed request changes nothing. */
const concrete = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('authorization matrix', () => {
  let stack: Stack;
  const cookies = {} as Record<Role, string>;
  const routes = appRoutes();

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    for (const role of ALL) cookies[role] = await stack.login(LOGINS[role]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('enumerates the app and has an expected entry for every route (and no stale ones)', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('denies every role each route it is not granted (403) and lets the granted ones through', async () => {
    const leaks: string[] = [];
    const wronglyDenied: string[] = [];
    for (const route of routes) {
      const expected = EXPECTED[route];
      if (!expected || expected === PUBLIC) continue;
      const [method = 'GET', pattern = '/'] = route.split(' ');
      for (const role of ALL) {
        const res = await stack.api(
          cookies[role],
          method,
          concrete(pattern),
          method === 'GET' ? undefined : {},
        );
        if (expected.includes(role)) {
          if (res.status === 403 || res.status === 401)
            wronglyDenied.push(`${role} ${route} -> ${res.status}`);
        } else if (res.status !== 403) {
          leaks.push(`${role} ${route} -> ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(wronglyDenied).toEqual([]);
  });

  it('answers 401 to every non-public route without a session', async () => {
    const open: string[] = [];
    for (const route of routes) {
      if (EXPECTED[route] === PUBLIC) continue;
      const [method = 'GET', pattern = '/'] = route.split(' ');
      const res = await stack.api('', method, concrete(pattern), method === 'GET' ? undefined : {});
      if (res.status !== 401) open.push(`${route} -> ${res.status}`);
    }
    expect(open).toEqual([]);
  });

  it('refuses a mutating request without the CSRF header (403), even with a valid session', async () => {
    const before = await stack.core.db('saved_filters').count<{ count: string }[]>('* as count');
    const res = await fetch(`${stack.web.url}/api/saved-filters`, {
      method: 'POST',
      headers: { cookie: cookies.agent, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'csrf', filters: {} }),
    });
    expect(res.status).toBe(403);
    const after = await stack.core.db('saved_filters').count<{ count: string }[]>('* as count');
    expect(after[0]?.count).toBe(before[0]?.count);
    const withHeader = await fetch(`${stack.web.url}/api/me`, {
      method: 'PATCH',
      headers: { cookie: cookies.agent, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(withHeader.status).toBe(403);
  });

  it('issues a new session at login: a cookie planted before login is not the session after it', async () => {
    const planted = 'cd_session=planted-by-attacker';
    const res = await fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: { cookie: planted, 'content-type': 'application/json', 'x-caredesk-request': '1' },
      body: JSON.stringify({ email: LOGINS.agent, password: 'caredesk-demo' }),
    });
    expect(res.status).toBe(200);
    const issued = res.headers.get('set-cookie')?.split(';')[0];
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect((await stack.api(planted, 'GET', '/api/me')).status).toBe(401);
    expect((await stack.api(issued ?? '', 'GET', '/api/me')).status).toBe(200);
  });
  it("hides another team's channel account from an agent: list, counts, detail and message ids (404)", async () => {
    const handle = 'idor_customer';
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Hilfe bitte` });
    const conv = await waitFor(
      async () =>
        (
          (await stack.api(cookies.lead, 'GET', '/api/conversations?status=all'))
            .body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: 'the customer conversation' },
    );
    const detail = (await stack.api(cookies.lead, 'GET', `/api/conversations/${conv.id}`))
      .body as ConversationResponse;
    const messageId = detail.conversation.messages[0]?.id;
    expect(messageId).toBeTruthy();
    const seen = async (cookie: string) => {
      const list = (await stack.api(cookie, 'GET', '/api/conversations?status=all'))
        .body as ConversationListResponse;
      const counts = (await stack.api(cookie, 'GET', '/api/conversations/counts')).body as {
        counts: { all: number };
      };
      return {
        listed: list.items.some((c) => c.id === conv.id),
        all: counts.counts.all,
        detail: (await stack.api(cookie, 'GET', `/api/conversations/${conv.id}`)).status,
        events: (await stack.api(cookie, 'GET', `/api/conversations/${conv.id}/events`)).status,
        note: (await stack.api(cookie, 'POST', `/api/conversations/${conv.id}/notes`, { text: 'x' })).status,
        retry: (await stack.api(cookie, 'POST', `/api/messages/${messageId}/retry`, {})).status,
        contact: (await stack.api(cookie, 'GET', `/api/contacts/${conv.contact.id}`)).status,
        bulk: (
          (
            await stack.api(cookie, 'POST', '/api/conversations/bulk', {
              operations: [{ id: conv.id, changes: { addTags: ['bulk-probe'] } }],
            })
          ).body as { results: Array<{ ok: boolean }> }
        ).results[0]?.ok,
        account: (
          (await stack.api(cookie, 'GET', '/api/channel-accounts')).body as { items: Array<{ id: string }> }
        ).items.some((a) => a.id === stack.channelAccountId),
        searched: (
          (await stack.api(cookie, 'GET', '/api/search?q=Hilfe')).body as {
            conversations: Array<{ conversation: { id: string } }>;
          }
        ).conversations.some((h) => h.conversation.id === conv.id),
        notified: (
          (await stack.api(cookie, 'GET', '/api/notifications')).body as {
            items: Array<{ conversationId: string }>;
          }
        ).items.some((n) => n.conversationId === conv.id),
      };
    };
    // A lead mentions Anna in a note: she is notified while she may see the conversation.
    await stack.api(cookies.lead, 'POST', `/api/conversations/${conv.id}/notes`, {
      text: 'Bitte ansehen @Anna',
    });
    // The account belongs to no team yet: the whole desk sees it.
    const before = await seen(cookies.agent);
    expect(before.notified).toBe(true);
    expect(before.listed).toBe(true);
    expect(before.detail).toBe(200);
    expect(before.searched).toBe(true);
    expect(before.contact).toBe(200);
    expect(before.bulk).toBe(true);
    expect(before.account).toBe(true);

    // Now it belongs to team B, which Anna (agent, team "Service DE") and Gina (guide) are not in.
    const [teamB] = await stack.core.db('teams').insert({ name: 'Team B' }).returning('id');
    await stack.core.db('channel_accounts').where('id', stack.channelAccountId).update({ team_id: teamB.id });
    for (const role of ['agent', 'guide'] as const) {
      const after = await seen(cookies[role]);
      expect(after).toEqual({
        listed: false,
        all: 0,
        detail: 404,
        events: 404,
        note: 404,
        retry: 404,
        contact: 404,
        bulk: false,
        account: false,
        searched: false,
        notified: false,
      });
    }
    // Socket rooms: a note on the conversation reaches the lead's socket, never the agent's or guide's,
    // and a guide's presence report on it is dropped.
    const agentSocket = await stack.connectSocket(cookies.agent);
    const guideSocket = await stack.connectSocket(cookies.guide);
    const leadSocket = await stack.connectSocket(cookies.lead);
    guideSocket.socket.emit(PRESENCE_REPORT, { conversationId: conv.id, typing: true });
    expect(
      (await stack.api(cookies.lead, 'POST', `/api/conversations/${conv.id}/notes`, { text: 'n' })).status,
    ).toBe(201);
    const about = (events: RealtimeEvent[]) =>
      events.filter(
        (e) =>
          ('conversationId' in e && e.conversationId === conv.id) ||
          (e.type === 'presence.changed' && e.presence.conversationId === conv.id),
      );
    await waitFor(() => about(leadSocket.events).some((e) => e.type === 'message.created'), {
      what: 'the note event on the lead socket',
    });
    // Reports of one tab are handled in order: once the guide's next (valid) report reaches the lead,
    // the one on the hidden conversation has been handled, and it must not have been announced.
    guideSocket.socket.emit(PRESENCE_REPORT, { conversationId: null, typing: false });
    await waitFor(
      () =>
        leadSocket.events.some(
          (e) => e.type === 'presence.changed' && e.presence.tabId === guideSocket.socket.id,
        ),
      { what: "the guide's valid presence report on the lead socket" },
    );
    expect(about(leadSocket.events).filter((e) => e.type === 'presence.changed')).toEqual([]);
    expect(about(agentSocket.events)).toEqual([]);
    expect(about(guideSocket.events)).toEqual([]);

    // The lead opens the conversation: the presence snapshot shows it to the lead, not to the agent.
    leadSocket.socket.emit(PRESENCE_REPORT, { conversationId: conv.id, typing: false });
    type PresenceList = { items: Array<{ conversationId: string | null }> };
    const presenceOn = async (cookie: string) =>
      ((await stack.api(cookie, 'GET', '/api/presence')).body as PresenceList).items.some(
        (p) => p.conversationId === conv.id,
      );
    await waitFor(() => presenceOn(cookies.lead), { what: "the lead's presence on the conversation" });
    expect(await presenceOn(cookies.agent)).toBe(false);

    const lead = await seen(cookies.lead);
    expect(lead.listed).toBe(true);
    expect(lead.detail).toBe(200);
    expect(lead.searched).toBe(true);
    expect(lead.contact).toBe(200);
    expect(lead.bulk).toBe(true);
    expect(lead.account).toBe(true);
    expect(lead.all).toBeGreaterThan(0);

    // Gina (guide) is granted every account: she sees it without joining the team.
    await stack.core.db('users').where('email', LOGINS.guide).update({ all_accounts: true });
    const granted = await seen(cookies.guide);
    expect(granted.listed).toBe(true);
    expect(granted.detail).toBe(200);
    expect(granted.contact).toBe(200);
    await stack.core.db('users').where('email', LOGINS.guide).update({ all_accounts: false });

    // Anna joins team B: she sees it again.
    const anna = await stack.core.db('users').where('email', LOGINS.agent).first('id');
    await stack.core.db('team_members').insert({ team_id: teamB.id, user_id: anna.id });
    expect((await seen(cookies.agent)).detail).toBe(200);
    const rejoined = await stack.connectSocket(cookies.agent);
    expect(
      (await stack.api(cookies.lead, 'POST', `/api/conversations/${conv.id}/notes`, { text: 'm' })).status,
    ).toBe(201);
    await waitFor(() => about(rejoined.events).some((e) => e.type === 'message.created'), {
      what: 'the note event on the agent socket once she is in the team',
    });
    await stack.core.db('channel_accounts').where('id', stack.channelAccountId).update({ team_id: null });
  });
});
