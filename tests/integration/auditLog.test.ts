import type { AuditEntryDto, AuditPageResponse } from '../../common/audit';
import type { ConversationListResponse } from '../../common/types';
import { recordConversationEvent } from '../../server/db/repositories/conversationEvents';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 7, point 5: an append-only audit log of logins, failed logins, channel connections, replies,
 * moderation, takeovers and approvals; searchable and exportable by admins only.
 */
describe('audit log', () => {
  let stack: Stack;
  let admin: string;
  let anna: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    admin = await stack.login('admin@demo.caredesk');
    anna = await stack.login('anna@demo.caredesk');
    const rows = await stack.core.db('users').select('id', 'email');
    ids = Object.fromEntries(rows.map((r) => [r.email.split('@')[0], r.id]));
  });
  afterAll(async () => {
    await stack?.close();
  });

  const audit = async (query: string) => {
    const res = await stack.api(admin, 'GET', `/api/audit?${query}`);
    expect(res.status).toBe(200);
    return res.body as AuditPageResponse;
  };
  const loginAs = (email: string, password: string, userAgent: string) =>
    fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caredesk-request': '1', 'user-agent': userAgent },
      body: JSON.stringify({ email, password }),
    });

  it('records logins and failed logins with ip and user agent; only admins may read it', async () => {
    expect((await loginAs('ben@demo.caredesk', 'wrong-password-1', 'AuditTest/failed')).status).toBe(401);
    expect((await loginAs('nobody@demo.caredesk', 'whatever-123', 'AuditTest/unknown')).status).toBe(401);
    expect((await loginAs('ben@demo.caredesk', 'caredesk-demo', 'AuditTest/ok')).status).toBe(200);

    const failed = (await audit('action=auth.login_failed')).entries;
    const wrongPassword = failed.find((e) => e.userAgent === 'AuditTest/failed');
    expect(wrongPassword).toMatchObject({
      actorKind: 'anonymous',
      actorUserId: null,
      targetId: ids.ben,
      data: { email: 'ben@demo.caredesk' },
    });
    expect(wrongPassword?.ip).toMatch(/127\.0\.0\.1/);
    expect(failed.find((e) => e.userAgent === 'AuditTest/unknown')).toMatchObject({
      targetId: null,
      data: { email: 'nobody@demo.caredesk' },
    });
    const ok = (await audit(`action=auth.login&actor=${ids.ben}`)).entries;
    expect(ok.find((e) => e.userAgent === 'AuditTest/ok')).toMatchObject({
      actorKind: 'user',
      actorName: 'Ben Okafor',
    });
    // Nobody's password is ever in the log.
    expect(JSON.stringify(failed)).not.toContain('wrong-password-1');

    for (const email of ['anna', 'lea', 'gina']) {
      const cookie = email === 'anna' ? anna : await stack.login(`${email}@demo.caredesk`);
      const res = await stack.api(cookie, 'GET', '/api/audit');
      expect(res.status).toBe(403);
      expect((await stack.api(cookie, 'GET', '/api/audit?format=csv')).status).toBe(403);
    }
    expect((await stack.api('', 'GET', '/api/audit')).status).toBe(401);
  });

  it('records the channel accounts connected at start', async () => {
    const entries = (await audit('action=channel.connected')).entries;
    expect(entries.map((e) => e.targetId)).toContain(stack.channelAccountId);
    expect(entries.find((e) => e.targetId === stack.channelAccountId)).toMatchObject({
      actorKind: 'system',
      targetType: 'channel_account',
      data: { platform: 'x' },
    });
  });

  it('mirrors replies and takeovers from the conversation trail in the same transaction', async () => {
    const handle = 'audit_customer';
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Hallo Audit` });
    const conversation = await waitFor(
      async () =>
        (
          (await stack.api(anna, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: 'the customer conversation' },
    );
    expect((await stack.api(anna, 'POST', `/api/conversations/${conversation.id}/claim`)).status).toBe(200);
    const ben = await stack.login('ben@demo.caredesk');
    const reply = await stack.api(ben, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Ich übernehme',
      takeover: true,
      idempotencyKey: 'audit-takeover-1',
    });
    expect(reply.status).toBe(202);

    const forConversation = (await audit(`q=${conversation.id}`)).entries;
    const actions = forConversation.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['conversation.takeover', 'reply.queued']));
    for (const e of forConversation.filter((x) => x.action !== 'reply.queued' || x.actorUserId === ids.ben)) {
      expect(e).toMatchObject({ targetType: 'conversation', targetId: conversation.id });
    }
    expect(forConversation.find((e) => e.action === 'conversation.takeover')?.actorUserId).toBe(ids.ben);
    // Each mirrored entry equals a row of the conversation's own trail.
    const trail = await stack.core.db('conversation_events').where({ conversation_id: conversation.id });
    for (const e of forConversation) {
      expect(trail.map((t) => String(t.id))).toContain(String(e.data.conversationEventId));
    }
  });

  it('mirrors moderation and approval events, and only the audited kinds', async () => {
    const conversation = await stack.core.db('conversations').first('id');
    const audited = [
      'message.hidden',
      'message.unhidden',
      'message.deleted',
      'reply.drafted',
      'reply.approved',
      'reply.edited_on_approval',
      'reply.rejected',
    ] as const;
    await stack.core.db.transaction(async (trx) => {
      for (const type of [...audited, 'note.created', 'conversation.priority_changed'] as const) {
        await recordConversationEvent(trx, {
          conversationId: conversation.id,
          type,
          actorUserId: ids.lea,
          actorKind: 'user',
          data: { probe: `mirror-${type}` },
        });
      }
    });
    const mirrored = (await audit('q=mirror-&limit=200')).entries;
    expect(mirrored.map((e) => e.action).sort()).toEqual([...audited].sort());
    expect(mirrored.every((e) => e.actorUserId === ids.lea && e.targetId === conversation.id)).toBe(true);

    // A rolled-back action leaves no audit entry either: same transaction.
    await expect(
      stack.core.db.transaction(async (trx) => {
        await recordConversationEvent(trx, {
          conversationId: conversation.id,
          type: 'message.deleted',
          actorKind: 'user',
          actorUserId: ids.lea,
          data: { probe: 'rolled-back' },
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await audit('q=rolled-back')).entries).toEqual([]);
  });

  it('is append-only in the database: updates, deletes and truncates are refused', async () => {
    const db = stack.core.db;
    const [row] = await db('audit_log').select('id').orderBy('id').limit(1);
    expect(row).toBeDefined();
    await expect(db('audit_log').where({ id: row.id }).update({ action: 'forged' })).rejects.toThrow(
      /append-only/,
    );
    await expect(db('audit_log').where({ id: row.id }).del()).rejects.toThrow(/append-only/);
    await expect(db.raw('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await db('audit_log').where({ action: 'forged' }).first()).toBeUndefined();
    expect(await db('audit_log').where({ id: row.id }).first()).toBeDefined();
  });

  it('pages newest first by cursor without gaps or repeats, and filters by text and dates', async () => {
    for (let i = 0; i < 5; i++) await loginAs('lea@demo.caredesk', `nope-${i}-long`, `AuditPaging/${i}`);
    const everything = (await audit('limit=200')).entries;
    const walked: AuditEntryDto[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditPageResponse = await audit(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      walked.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked.map((e) => e.id)).toEqual(everything.map((e) => e.id));
    const numeric = walked.map((e) => Number(e.id));
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));

    const byText = (await audit('q=auditpaging')).entries;
    expect(byText.map((e) => e.userAgent).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `AuditPaging/${i}`));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(`from=${encodeURIComponent(future)}`)).entries).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await audit(`from=${encodeURIComponent(past)}&q=auditpaging`)).entries).toHaveLength(5);

    for (const [query, field] of [
      ['cursor=abc', 'cursor'],
      ['from=yesterday', 'from'],
      ['actor=not-a-uuid', 'actor'],
      ['limit=1000', 'limit'],
      ['action=DROP TABLE', 'action'],
    ]) {
      const res = await stack.api(admin, 'GET', `/api/audit?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('exports the filtered log as CSV, with formula-looking cells neutralised', async () => {
    await loginAs('nobody2@demo.caredesk', 'whatever-123', '=cmd|calc');
    const res = await fetch(`${stack.web.url}/api/audit?format=csv&action=auth.login_failed`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const text = await res.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,actor_kind,actor_user_id,actor_name,action,target_type,target_id,ip,user_agent,data',
    );
    const failedCount = (await audit('action=auth.login_failed&limit=200')).entries.length;
    expect(lines).toHaveLength(failedCount + 1);
    expect(lines.slice(1).every((l) => l.includes('auth.login_failed'))).toBe(true);
    expect(text).toContain("'=cmd|calc");
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });
});
