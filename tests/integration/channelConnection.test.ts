import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../server/security/secretBox';
import { ensureFreshXCredentials } from '../../server/services/channelConnection/refreshXToken';
import { pollAccount } from '../../server/services/pollAccount';
import { rotateSecrets } from '../../server/services/rotateSecrets';
import { SIM_FB_USER_TOKEN } from '../../simulator/oauth/facebookUserTokens';
import { SIM_X_OAUTH1 } from '../../simulator/oauth/xOAuth2Store';
import { simPost } from '../helpers/sim';
import { FB_TEST, type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 7 point 4: admins connect, re-authorise and disconnect channel accounts; tokens stay secret. */
describe('channel connection', () => {
  let stack: Stack;
  let admin: string;
  const logLines: string[] = [];
  const key = randomBytes(32);
  /** Every secret the test has seen; none may appear in the database, an API response or the logs. */
  const secrets = new Set<string>([SIM_FB_USER_TOKEN, FB_TEST.pageToken, SIM_X_OAUTH1.accessSecret]);

  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      encryptionKey: key,
      logDestination: { write: (line) => void logLines.push(line) },
    });
    admin = await stack.login('admin@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const credentialsOf = async (id: string) => {
    const row = await stack.core.db('channel_accounts').where({ id }).first();
    return JSON.parse(stack.core.secretBox.open(row.credentials_encrypted)) as Record<string, unknown>;
  };
  const remember = (c: Record<string, unknown>) => {
    for (const k of ['accessToken', 'refreshToken', 'pageToken', 'accessSecret', 'appSecret']) {
      if (typeof c[k] === 'string') secrets.add(c[k] as string);
    }
  };

  /** The admin's browser: consent page on the simulator, approve, follow the redirect to our callback. */
  async function approveInBrowser(authorizeUrl: string, cookie = admin, decision = 'allow') {
    const consent = await fetch(authorizeUrl);
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain('Authorize app');
    const url = new URL(authorizeUrl);
    const form = new URLSearchParams(url.searchParams);
    form.set('decision', decision);
    const approved = await fetch(`${url.origin}/i/oauth2/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(approved.status).toBe(302);
    const callback = approved.headers.get('location')!;
    expect(callback.startsWith(`${stack.web.url}/api/channel-accounts/x/oauth/callback?`)).toBe(true);
    const back = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
    return { status: back.status, location: back.headers.get('location') ?? '', callback };
  }

  it('only admins may connect, re-authorise or disconnect (agents, leads and guides get 403)', async () => {
    const id = stack.channelAccountId;
    const calls: Array<[string, string, unknown]> = [
      ['POST', '/api/channel-accounts/x/oauth/start', {}],
      ['POST', '/api/channel-accounts/x/keys', SIM_X_OAUTH1],
      ['POST', '/api/channel-accounts/facebook', { userToken: SIM_FB_USER_TOKEN }],
      ['POST', `/api/channel-accounts/${id}/reauthorise`, {}],
      ['DELETE', `/api/channel-accounts/${id}`, undefined],
      ['GET', '/api/channel-accounts/x/oauth/callback?state=x&code=y', undefined],
    ];
    for (const email of ['anna@demo.caredesk', 'lea@demo.caredesk', 'gina@demo.caredesk']) {
      const cookie = await stack.login(email);
      for (const [method, url, body] of calls) {
        const res = await stack.api(cookie, method, url, body);
        expect({ email, url, status: res.status }).toEqual({ email, url, status: 403 });
      }
    }
    expect((await stack.api('', 'POST', '/api/channel-accounts/x/oauth/start', {})).status).toBe(401);
    const row = await stack.core.db('channel_accounts').where({ id }).first();
    expect(row.status).toBe('active');
  });

  it('connects an X account with OAuth 2.0 + PKCE through the simulator; the state works once', async () => {
    const start = await stack.api(admin, 'POST', '/api/channel-accounts/x/oauth/start', {});
    expect(start.status).toBe(200);
    const url = new URL(start.body.authorizeUrl);
    expect(url.pathname).toBe('/i/oauth2/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toContain('offline.access');
    // The verifier stays on the server: the URL carries only its hash, the database only its ciphertext.
    const flow = await stack.core.db('oauth_flows').first();
    const verifier = stack.core.secretBox.open(flow.code_verifier_encrypted);
    expect(start.body.authorizeUrl).not.toContain(verifier);
    expect(flow.state_hash).not.toBe(url.searchParams.get('state'));

    const result = await approveInBrowser(start.body.authorizeUrl);
    expect(result.status).toBe(303);
    expect(result.location).toBe(`/?connected=${stack.channelAccountId}#/accounts`);
    const creds = await credentialsOf(stack.channelAccountId);
    expect(creds).toMatchObject({ kind: 'oauth2' });
    expect(typeof creds.refreshToken).toBe('string');
    expect(creds.expiresAt as number).toBeGreaterThan(Date.now() + 60 * 60_000);
    remember(creds);

    // Replaying the callback (same state and code) is refused.
    const replay = await fetch(result.callback, { headers: { cookie: admin }, redirect: 'manual' });
    expect(replay.headers.get('location')).toContain('connectError=');
    expect(Number((await stack.core.db('oauth_flows').count({ n: '*' }).first())?.n)).toBe(0);

    // The new token works: a mention is read with it.
    await simPost(stack.sim, { username: 'oauth_olga', text: `@${stack.brand.username} Hallo?` });
    await waitFor(
      async () => (await stack.core.db('contacts').where({ handle: 'oauth_olga' }).first()) !== undefined,
      { what: 'the mention read with the OAuth 2.0 token' },
    );
  });

  it('a denied consent connects nothing and changes no credentials', async () => {
    const before = await credentialsOf(stack.channelAccountId);
    const start = await stack.api(admin, 'POST', '/api/channel-accounts/x/oauth/start', {});
    const denied = await approveInBrowser(start.body.authorizeUrl, admin, 'deny');
    expect(denied.location).toBe('/?connectError=access_denied#/accounts');
    expect(await credentialsOf(stack.channelAccountId)).toEqual(before);
  });

  it('refreshes the X token before it expires, once, even when several workers race', async () => {
    const id = stack.channelAccountId;
    const current = await credentialsOf(id);
    // Pretend the token expires in one minute (inside the five-minute refresh margin).
    await stack.core
      .db('channel_accounts')
      .where({ id })
      .update({
        credentials_encrypted: stack.core.secretBox.seal(
          JSON.stringify({ ...current, expiresAt: Date.now() + 60_000 }),
        ),
      });
    const refreshesBefore = stack.sim.state.oauth2.refreshCount;
    const row = await stack.core.db('channel_accounts').where({ id }).first();
    const deps = {
      db: stack.core.db,
      secretBox: stack.core.secretBox,
      xApiBaseUrl: stack.sim.url,
      xOAuth: stack.core.xOAuth,
      logger: stack.core.logger,
    };
    await Promise.all([1, 2, 3, 4].map(() => ensureFreshXCredentials(deps, row)));
    await waitFor(async () => ((await credentialsOf(id)).expiresAt as number) > Date.now() + 60 * 60_000, {
      what: 'the refreshed token stored',
    });
    expect(stack.sim.state.oauth2.refreshCount - refreshesBefore).toBe(1);
    const refreshed = await credentialsOf(id);
    remember(refreshed);
    expect(refreshed.accessToken).not.toBe(current.accessToken);
    expect(refreshed.refreshToken).not.toBe(current.refreshToken);
    // The poller keeps working with the new token.
    await simPost(stack.sim, { username: 'fresh_frida', text: `@${stack.brand.username} geht wieder` });
    await waitFor(
      async () => (await stack.core.db('contacts').where({ handle: 'fresh_frida' }).first()) !== undefined,
      { what: 'a mention read after the refresh' },
    );
    expect((await stack.core.db('channel_accounts').where({ id }).first()).status).toBe('active');
  });

  it('marks the account needs_reauth when X refuses the refresh token', async () => {
    const id = stack.channelAccountId;
    const current = await credentialsOf(id);
    stack.sim.state.oauth2.revoke(current.refreshToken as string);
    await stack.core
      .db('channel_accounts')
      .where({ id })
      .update({
        credentials_encrypted: stack.core.secretBox.seal(
          JSON.stringify({ ...current, expiresAt: Date.now() + 60_000 }),
        ),
      });
    await waitFor(
      async () => (await stack.core.db('channel_accounts').where({ id }).first()).status === 'needs_reauth',
      {
        what: 'the account marked needs_reauth by the poller',
      },
    );
  });

  it('connects an X account with OAuth 1.0a keys, and refuses keys the platform rejects', async () => {
    const ok = await stack.api(admin, 'POST', '/api/channel-accounts/x/keys', SIM_X_OAUTH1);
    expect(ok.status).toBe(201);
    expect(ok.body.item).toEqual({ id: stack.channelAccountId, platform: 'x', handle: stack.brand.username });
    expect(await credentialsOf(stack.channelAccountId)).toMatchObject({
      kind: 'oauth1',
      appKey: SIM_X_OAUTH1.appKey,
    });
    const bad = await stack.api(admin, 'POST', '/api/channel-accounts/x/keys', {
      ...SIM_X_OAUTH1,
      accessToken: 'nope',
    });
    expect(bad.status).toBe(400);
    const missing = await stack.api(admin, 'POST', '/api/channel-accounts/x/keys', { appKey: 'a' });
    expect(missing.status).toBe(400);
  });

  it('connects a Facebook page from a user token (page token from GET /me/accounts)', async () => {
    const res = await stack.api(admin, 'POST', '/api/channel-accounts/facebook', {
      userToken: SIM_FB_USER_TOKEN,
    });
    expect(res.status).toBe(201);
    expect(res.body.item.platform).toBe('facebook');
    const creds = await credentialsOf(res.body.item.id);
    expect(creds).toEqual({ kind: 'page', pageToken: FB_TEST.pageToken });
    const bad = await stack.api(admin, 'POST', '/api/channel-accounts/facebook', {
      userToken: 'not-a-token',
    });
    expect(bad.status).toBe(400);
    const otherPage = await stack.api(admin, 'POST', '/api/channel-accounts/facebook', {
      userToken: SIM_FB_USER_TOKEN,
      pageId: '999',
    });
    expect(otherPage.status).toBe(409);
  });

  it('re-authorises an account marked needs_reauth, and only such an account', async () => {
    const id = stack.channelAccountId;
    const active = await stack.api(admin, 'POST', `/api/channel-accounts/${id}/reauthorise`, {});
    expect(active.status).toBe(409);
    await stack.core.db('channel_accounts').where({ id }).update({ status: 'needs_reauth' });
    const start = await stack.api(admin, 'POST', `/api/channel-accounts/${id}/reauthorise`, {});
    expect(start.status).toBe(200);
    const result = await approveInBrowser(start.body.authorizeUrl);
    expect(result.location).toBe(`/?connected=${id}#/accounts`);
    const row = await stack.core.db('channel_accounts').where({ id }).first();
    expect(row.status).toBe('active');
    remember(await credentialsOf(id));
  });

  it('re-encrypts every credential under a new key (secrets:rotate); old key no longer needed', async () => {
    // In id order: the rotation rewrites every row, and PostgreSQL returns rewritten rows in a new order.
    const before = await stack.core
      .db('channel_accounts')
      .whereNotNull('credentials_encrypted')
      .orderBy('id');
    const plain = before.map((r) => stack.core.secretBox.open(r.credentials_encrypted));
    const newKey = randomBytes(32);
    const { rotated } = await rotateSecrets(stack.core.db, createSecretBox([newKey, key]));
    expect(rotated).toBe(before.length);
    const after = await stack.core.db('channel_accounts').whereNotNull('credentials_encrypted').orderBy('id');
    const onlyNew = createSecretBox([newKey]);
    expect(after.map((r) => onlyNew.open(r.credentials_encrypted))).toEqual(plain);
    expect(() => createSecretBox([key]).open(after[0].credentials_encrypted)).toThrow();
    // Put the stack's key back so the running workers can read the credentials again.
    await rotateSecrets(stack.core.db, createSecretBox([key, newKey]));
  });

  it('disconnects: polling stops, credentials are removed, the history stays', async () => {
    const id = stack.channelAccountId;
    const conversations = await stack.core
      .db('conversations')
      .where({ channel_account_id: id })
      .count({ n: '*' })
      .first();
    expect(Number(conversations?.n)).toBeGreaterThan(0);
    const creds = await credentialsOf(id);
    expect(creds.kind).toBe('oauth2');
    const res = await stack.api(admin, 'DELETE', `/api/channel-accounts/${id}`);
    expect(res.status).toBe(204);
    // The OAuth 2.0 tokens are revoked at X too (after the answer, so wait for it).
    await waitFor(async () => !stack.sim.state.oauth2.isKnownAccessToken(creds.accessToken as string), {
      what: 'the access token revoked at X',
    });
    const row = await stack.core.db('channel_accounts').where({ id }).first();
    expect(row).toMatchObject({ status: 'disabled', credentials_encrypted: null });
    expect(
      await stack.core.db('conversations').where({ channel_account_id: id }).count({ n: '*' }).first(),
    ).toEqual(conversations);
    const poll = await pollAccount({ ...stack.core }, id);
    expect(poll).toMatchObject({ kind: 'skipped' });
    // Audited with the admin who did it.
    expect(
      await stack.core
        .db('audit_log')
        .where({ action: 'channel.disconnected', target_id: id })
        .select('actor_kind', 'actor_user_id'),
    ).toEqual([{ actor_kind: 'user', actor_user_id: expect.any(String) }]);
    expect((await stack.api(admin, 'DELETE', `/api/channel-accounts/${randomUuid()}`)).status).toBe(404);
  });

  it('never stores, returns or logs a token in plain text', async () => {
    expect(secrets.size).toBeGreaterThan(5);
    const dump = JSON.stringify([
      await stack.core.db('channel_accounts'),
      await stack.core.db('oauth_flows'),
    ]);
    const list = JSON.stringify((await stack.api(admin, 'GET', '/api/channel-accounts')).body);
    const logs = logLines.join('\n');
    expect(logs).toContain('X account connected');
    for (const secret of secrets) {
      expect({ secret, inDatabase: dump.includes(secret) }).toEqual({ secret, inDatabase: false });
      expect({ secret, inApi: list.includes(secret) }).toEqual({ secret, inApi: false });
      expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
    }
  });
});

function randomUuid(): string {
  return '00000000-0000-4000-8000-000000000000';
}
