import { createHash } from 'node:crypto';
import type { AuditPageResponse } from '../../common/audit';
import type { TeamListResponse } from '../../common/types';
import type { InviteResponse, ManagedUserDto, ManagedUserListResponse } from '../../common/userManagement';
import { type Stack, startStack } from '../helpers/stack';

/** Issue 7, point 7: admins invite (one-time link), deactivate, and set roles, teams, initials, language. */
describe('user management', () => {
  let stack: Stack;
  let admin: string;
  let ids: Record<string, string>;
  let teamId: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000 });
    admin = await stack.login('admin@demo.caredesk');
    const rows = await stack.core.db('users').select('id', 'email');
    ids = Object.fromEntries(rows.map((r) => [r.email.split('@')[0], r.id]));
    const teams = (await stack.api(admin, 'GET', '/api/teams')).body as TeamListResponse;
    teamId = teams.teams[0]?.id as string;
    expect(teamId).toBeDefined();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const managed = async () =>
    (await stack.api(admin, 'GET', '/api/users/manage')).body as ManagedUserListResponse;
  const userByEmail = async (email: string) =>
    (await managed()).users.find((u) => u.email === email) as ManagedUserDto;
  const auditFor = async (userId: string | undefined) =>
    ((await stack.api(admin, 'GET', `/api/audit?q=${userId}&limit=200`)).body as AuditPageResponse).entries;
  const tryLogin = (email: string, password: string) =>
    fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
      body: JSON.stringify({ email, password }),
    });
  const tokenOf = (invite: InviteResponse) => invite.link.replace('/#/invite/', '');

  it('lets only admins manage users', async () => {
    for (const who of ['anna', 'lea', 'gina']) {
      const cookie = await stack.login(`${who}@demo.caredesk`);
      expect((await stack.api(cookie, 'GET', '/api/users/manage')).status).toBe(403);
      expect(
        (await stack.api(cookie, 'POST', '/api/users/invites', { email: 'x@example.com', role: 'admin' }))
          .status,
      ).toBe(403);
      expect((await stack.api(cookie, 'PATCH', `/api/users/${ids[who]}`, { role: 'admin' })).status).toBe(
        403,
      );
      expect((await stack.api(cookie, 'POST', `/api/users/${ids.ben}/deactivate`)).status).toBe(403);
    }
    expect((await stack.api('', 'GET', '/api/users/manage')).status).toBe(401);
    expect((await stack.core.db('users').where({ id: ids.gina }).first()).role).toBe('guide');
  });

  it('invites by a one-time, expiring link whose token is stored only as a hash', async () => {
    const res = await stack.api(admin, 'POST', '/api/users/invites', {
      email: 'nora@example.com',
      role: 'lead',
      locale: 'de',
      teamIds: [teamId],
    });
    expect(res.status).toBe(201);
    const invite = res.body as InviteResponse;
    const token = tokenOf(invite);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect((await managed()).invites.map((i) => i.email)).toContain('nora@example.com');
    const stored = await stack.core.db('user_invites').where({ id: invite.invite.id }).first();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('base64url'));

    const info = await stack.api('', 'GET', `/api/invites/${token}`);
    expect(info.body).toEqual({ email: 'nora@example.com', locale: 'de' });
    const weak = await stack.api('', 'POST', `/api/invites/${token}/accept`, {
      name: 'Nora',
      initials: 'NK',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');

    const accepted = await stack.api('', 'POST', `/api/invites/${token}/accept`, {
      name: 'Nora Klein',
      initials: 'NK',
      password: 'a long enough passphrase',
    });
    expect(accepted.status).toBe(201);
    expect(await userByEmail('nora@example.com')).toMatchObject({
      name: 'Nora Klein',
      initials: 'NK',
      role: 'lead',
      locale: 'de',
      active: true,
      teamIds: [teamId],
    });
    expect((await tryLogin('nora@example.com', 'a long enough passphrase')).status).toBe(200);
    // Once only.
    expect((await stack.api('', 'GET', `/api/invites/${token}`)).status).toBe(404);
    const again = await stack.api('', 'POST', `/api/invites/${token}/accept`, {
      name: 'Mallory',
      initials: 'MA',
      password: 'another long passphrase',
    });
    expect(again.status).toBe(404);
    expect((await managed()).invites.map((i) => i.email)).not.toContain('nora@example.com');
    const noraId = accepted.body.userId as string;
    expect((await auditFor(noraId)).map((e) => e.action)).toContain('user.invite_accepted');

    // An existing email cannot be invited; an expired link does not work.
    expect(
      (await stack.api(admin, 'POST', '/api/users/invites', { email: 'NORA@example.com', role: 'agent' }))
        .status,
    ).toBe(409);
    const late = (
      await stack.api(admin, 'POST', '/api/users/invites', { email: 'late@example.com', role: 'agent' })
    ).body as InviteResponse;
    await stack.core
      .db('user_invites')
      .where({ id: late.invite.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    expect((await stack.api('', 'GET', `/api/invites/${tokenOf(late)}`)).status).toBe(404);
    expect(
      (
        await stack.api('', 'POST', `/api/invites/${tokenOf(late)}/accept`, {
          name: 'Late',
          initials: 'LA',
          password: 'a long enough passphrase',
        })
      ).status,
    ).toBe(404);
    expect(await stack.core.db('users').where({ email: 'late@example.com' }).first()).toBeUndefined();
  });

  it('changes role, teams, initials and language, each audited with before and after', async () => {
    const res = await stack.api(admin, 'PATCH', `/api/users/${ids.gina}`, {
      role: 'agent',
      teamIds: [teamId],
      initials: 'GiR',
      locale: 'de',
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'agent', teamIds: [teamId], initials: 'GiR', locale: 'de' });
    expect(await userByEmail('gina@demo.caredesk')).toMatchObject({ role: 'agent', initials: 'GiR' });
    const entries = await auditFor(ids.gina);
    expect(entries.find((e) => e.action === 'user.role_changed')?.data).toEqual({
      from: 'guide',
      to: 'agent',
    });
    expect(entries.find((e) => e.action === 'user.teams_changed')?.data).toEqual({ from: [], to: [teamId] });
    expect(entries.find((e) => e.action === 'user.updated')?.data).toEqual({
      from: { initials: 'GR', locale: 'en' },
      to: { initials: 'GiR', locale: 'de' },
    });
    expect(entries.find((e) => e.action === 'user.role_changed')?.actorUserId).toBe(ids.admin);

    for (const [body, field] of [
      [{ role: 'owner' }, 'role'],
      [{ initials: '<b>' }, 'initials'],
      [{ locale: 'fr' }, 'locale'],
      [{ teamIds: ['nope'] }, 'teamIds.0'],
      [{ teamIds: ['00000000-0000-4000-8000-000000000000'] }, 'teamIds'],
      [{ active: false }, undefined],
      [{}, undefined],
    ] as const) {
      const bad = await stack.api(admin, 'PATCH', `/api/users/${ids.gina}`, body);
      expect(bad.status).toBe(400);
      if (field) expect(bad.body.error.field).toBe(field);
    }
    expect((await stack.api(admin, 'PATCH', `/api/users/${ids.admin}`, { role: 'agent' })).status).toBe(409);
    expect(
      (await stack.api(admin, 'PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { locale: 'de' }))
        .status,
    ).toBe(404);
  });

  it('deactivation ends the user’s sessions at once and blocks sign-in; reactivation allows it again', async () => {
    const ben = await stack.login('ben@demo.caredesk');
    const benToo = await stack.login('ben@demo.caredesk');
    expect((await stack.api(ben, 'GET', '/api/me')).status).toBe(200);

    const res = await stack.api(admin, 'POST', `/api/users/${ids.ben}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.user.active).toBe(false);
    expect((await stack.api(ben, 'GET', '/api/me')).status).toBe(401);
    expect((await stack.api(benToo, 'GET', '/api/me')).status).toBe(401);
    expect(await stack.core.db('sessions').where({ user_id: ids.ben })).toEqual([]);
    expect((await tryLogin('ben@demo.caredesk', 'caredesk-demo')).status).toBe(401);
    expect(
      (await auditFor(ids.ben)).find((e) => e.action === 'user.deactivated')?.data.endedSessions,
    ).toBeGreaterThanOrEqual(2);

    expect((await stack.api(admin, 'POST', `/api/users/${ids.ben}/reactivate`)).status).toBe(200);
    expect((await tryLogin('ben@demo.caredesk', 'caredesk-demo')).status).toBe(200);
    expect((await auditFor(ids.ben)).map((e) => e.action)).toContain('user.reactivated');

    expect((await stack.api(admin, 'POST', `/api/users/${ids.admin}/deactivate`)).status).toBe(409);
    expect((await stack.api(admin, 'GET', '/api/me')).status).toBe(200);
  });
});
