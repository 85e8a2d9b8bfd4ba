import type { DryRunResponse, RoutingRuleDto, RoutingRuleListResponse } from '../../common/routing';
import type { ConversationListResponse, ConversationSummary } from '../../common/types';
import { ensureTeam } from '../../server/db/repositories/teams';
import { simCall } from '../helpers/simCall';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 6: routing rules applied on ingest, dry run, and who may read and change rules. */
describe('routing rules', () => {
  let stack: Stack;
  let admin: string;
  let lea: string;
  let anna: string;
  let serviceTeam: string;
  let billingTeam: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    admin = await stack.login('admin@demo.caredesk');
    lea = await stack.login('lea@demo.caredesk');
    anna = await stack.login('anna@demo.caredesk');
    serviceTeam = await ensureTeam(stack.core.db, 'Service DE', ['anna@demo.caredesk']);
    billingTeam = await ensureTeam(stack.core.db, 'Billing', ['ben@demo.caredesk']);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const arrive = async (
    handle: string,
    text: string,
    author: { followers_count?: number; verified?: boolean } = {},
  ): Promise<ConversationSummary> => {
    await simCall(stack.sim, 'POST', '/_sim/x/posts', {
      author: { username: handle, name: handle, ...author },
      text: `@${stack.brand.username} ${text}`,
    });
    return waitFor(
      async () => {
        const res = await stack.api(anna, 'GET', '/api/conversations?status=all&limit=200');
        return (res.body as ConversationListResponse).items.find((c) => c.contact.handle === handle);
      },
      { what: `@${handle}` },
    );
  };
  const row = (id: string) =>
    stack.core.db('conversations').where({ id }).first('team_id', 'priority', 'tags', 'version');
  const routedEvents = (id: string) =>
    stack.core
      .db('conversation_events')
      .where({ conversation_id: id, type: 'conversation.routed' })
      .select('data');

  const createRule = async (body: unknown) => {
    const res = await stack.api(admin, 'POST', '/api/routing-rules', body);
    expect(res.status).toBe(201);
    return res.body.rule as RoutingRuleDto;
  };

  it('lets admins create, change, reorder and delete rules; leads only read; agents not at all; errors name the field', async () => {
    expect((await stack.api(lea, 'GET', '/api/routing-rules')).status).toBe(200);
    expect((await stack.api(anna, 'GET', '/api/routing-rules')).status).toBe(403);
    const leadCreate = await stack.api(lea, 'POST', '/api/routing-rules', {
      name: 'x',
      actions: { priority: 'high' },
    });
    expect(leadCreate.status).toBe(403);

    const noAction = await stack.api(admin, 'POST', '/api/routing-rules', { name: 'nothing', actions: {} });
    expect(noAction.status).toBe(400);
    expect(noAction.body.error.field).toBe('actions');
    const badLanguage = await stack.api(admin, 'POST', '/api/routing-rules', {
      name: 'bad',
      conditions: { languages: ['German'] },
      actions: { priority: 'high' },
    });
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.body.error.field).toBe('conditions.languages.0');
    const unknownTeam = await stack.api(admin, 'POST', '/api/routing-rules', {
      name: 'ghost team',
      actions: { teamId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownTeam.status).toBe(422);

    const a = await createRule({ name: 'Temp A', actions: { priority: 'low' } });
    const b = await createRule({ name: 'Temp B', enabled: false, actions: { addTags: ['b'] } });
    expect(b.position).toBeGreaterThan(a.position);
    expect(
      (await stack.api(admin, 'POST', '/api/routing-rules', { name: 'temp a', actions: { priority: 'low' } }))
        .status,
    ).toBe(409);
    const patched = await stack.api(admin, 'PATCH', `/api/routing-rules/${b.id}`, { enabled: true });
    expect(patched.status).toBe(200);
    expect(patched.body.rule.enabled).toBe(true);
    expect((await stack.api(lea, 'PATCH', `/api/routing-rules/${b.id}`, { enabled: false })).status).toBe(
      403,
    );

    expect((await stack.api(admin, 'POST', '/api/routing-rules/reorder', { ids: [b.id] })).status).toBe(422);
    const reordered = await stack.api(admin, 'POST', '/api/routing-rules/reorder', { ids: [b.id, a.id] });
    expect(reordered.status).toBe(200);
    expect((reordered.body as RoutingRuleListResponse).rules.map((r) => r.name)).toEqual([
      'Temp B',
      'Temp A',
    ]);

    expect((await stack.api(lea, 'DELETE', `/api/routing-rules/${a.id}`)).status).toBe(403);
    expect((await stack.api(admin, 'DELETE', `/api/routing-rules/${a.id}`)).status).toBe(204);
    expect((await stack.api(admin, 'DELETE', `/api/routing-rules/${b.id}`)).status).toBe(204);
    expect((await stack.api(admin, 'DELETE', `/api/routing-rules/${b.id}`)).status).toBe(404);
    expect(
      ((await stack.api(lea, 'GET', '/api/routing-rules')).body as RoutingRuleListResponse).rules,
    ).toEqual([]);
  });

  it('routes a new conversation by the first matching enabled rule, in order, and audits the rule name', async () => {
    await createRule({
      name: 'Disabled catch-all',
      enabled: false,
      actions: { priority: 'low', teamId: billingTeam },
    });
    await createRule({
      name: 'Verified customers',
      conditions: { verified: true, minFollowers: 10_000 },
      actions: { teamId: serviceTeam, priority: 'urgent', addTags: ['vip'] },
    });
    await createRule({
      name: 'Outage DE',
      conditions: { languages: ['de'], keywords: ['störung', 'kein internet'] },
      actions: { teamId: serviceTeam, priority: 'high', addTags: ['outage'] },
    });
    await createRule({
      name: 'Billing',
      conditions: { keywords: ['rechnung', 'invoice'] },
      actions: { teamId: billingTeam },
    });

    // Matches both "Verified customers" and "Outage DE": the first one wins.
    const vip = await arrive('route_vip', 'Seit heute Morgen eine Störung bei mir', {
      verified: true,
      followers_count: 50_000,
    });
    // Upper case and umlaut in the text, keyword without: still a match.
    const outage = await arrive('route_outage', 'Wieder eine STÖRUNG in Köln, schon zwei Stunden!');
    const billing = await arrive('route_billing', 'My invoice is wrong, please check');
    const nothing = await arrive('route_none', 'Thanks for the quick help yesterday');
    // Verified but too few followers, and "Störungen" is not the word "Störung": no rule.
    const near = await arrive('route_near', 'Gibt es Störungen heute?', {
      verified: true,
      followers_count: 20,
    });

    await waitFor(async () => (await routedEvents(billing.id)).length > 0, { what: 'routing of billing' });
    expect(await row(vip.id)).toMatchObject({ team_id: serviceTeam, priority: 'urgent', tags: ['vip'] });
    expect(await row(outage.id)).toMatchObject({ team_id: serviceTeam, priority: 'high', tags: ['outage'] });
    expect(await row(billing.id)).toMatchObject({ team_id: billingTeam, priority: 'normal', tags: [] });
    expect(await row(nothing.id)).toMatchObject({ team_id: null, priority: 'normal', tags: [] });
    expect(await row(near.id)).toMatchObject({ team_id: null, priority: 'normal', tags: [] });

    expect((await routedEvents(vip.id)).map((e) => e.data.ruleName)).toEqual(['Verified customers']);
    expect((await routedEvents(outage.id)).map((e) => e.data.ruleName)).toEqual(['Outage DE']);
    expect(await routedEvents(nothing.id)).toEqual([]);
    // Shown in the conversation's activity as well.
    const events = await stack.api(anna, 'GET', `/api/conversations/${outage.id}/events`);
    expect(events.body.events.map((e: { type: string }) => e.type)).toContain('conversation.routed');

    // A follow-up in an existing conversation is not routed again.
    await stack.api(anna, 'PATCH', `/api/conversations/${outage.id}`, { priority: 'low' });
    expect((await row(outage.id))?.priority).toBe('low');
  });

  it('dry-runs an unsaved rule set against recent conversations without changing anything', async () => {
    const snapshot = async () => ({
      conversations: await stack.core
        .db('conversations')
        .orderBy('id')
        .select('id', 'team_id', 'priority', 'tags', 'version'),
      events: (await stack.core.db('conversation_events').count<{ n: string }[]>('* as n'))[0]!.n,
      rules: await stack.core.db('routing_rules').orderBy('id').select('*'),
    });
    const before = await snapshot();
    const res = await stack.api(lea, 'POST', '/api/routing-rules/dry-run', {
      rules: [
        { name: 'Off', enabled: false, conditions: {}, actions: { priority: 'low' } },
        {
          name: 'Thanks',
          conditions: { keywords: ['THANKS'] },
          actions: { priority: 'high', addTags: ['praise'] },
        },
        { name: 'Billing', conditions: { keywords: ['invoice'] }, actions: { teamId: billingTeam } },
      ],
      limit: 200,
    });
    expect(res.status).toBe(200);
    const body = res.body as DryRunResponse;
    expect(body.examined).toBe(before.conversations.length);
    const byHandle = new Map<string, DryRunResponse['items'][number]>();
    for (const item of body.items) byHandle.set(item.authorName, item);
    expect(byHandle.get('route_none')).toMatchObject({
      ruleIndex: 1,
      ruleName: 'Thanks',
      changes: { priority: 'high', addTags: ['praise'] },
    });
    // Already in Billing: the rule matches but changes nothing.
    expect(byHandle.get('route_billing')).toMatchObject({ ruleIndex: 2, changes: {} });
    expect(byHandle.get('route_near')).toMatchObject({ ruleIndex: null, ruleName: null });
    expect(body.matched).toBe(2);
    expect(await snapshot()).toEqual(before);

    expect((await stack.api(anna, 'POST', '/api/routing-rules/dry-run', { rules: [] })).status).toBe(403);
    const invalid = await stack.api(lea, 'POST', '/api/routing-rules/dry-run', {
      rules: [{ name: 'x', actions: { priority: 'someday' } }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.field).toBe('rules.0.actions.priority');
  });
});
