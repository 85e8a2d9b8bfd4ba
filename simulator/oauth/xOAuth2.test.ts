import request from 'supertest';
import { codeChallengeS256, createCodeVerifier } from '../../server/security/pkce';
import { createSimulatorApp } from '../app';
import { SIM_X_CLIENT_ID, SIM_X_CLIENT_SECRET } from './xOAuth2Store';

const REDIRECT = 'http://127.0.0.1:3000/api/channel-accounts/x/oauth/callback';
const BASIC = `Basic ${Buffer.from(`${SIM_X_CLIENT_ID}:${SIM_X_CLIENT_SECRET}`).toString('base64')}`;

function setup() {
  let now = Date.UTC(2026, 10, 21, 10);
  const sim = createSimulatorApp({ now: () => now });
  const advance = (ms: number) => {
    now += ms;
  };
  const authorize = async (verifier: string, scope = 'tweet.read users.read offline.access') => {
    const res = await request(sim.app)
      .post('/i/oauth2/authorize')
      .type('form')
      .send({
        response_type: 'code',
        client_id: SIM_X_CLIENT_ID,
        redirect_uri: REDIRECT,
        scope,
        state: 'st-1',
        code_challenge: codeChallengeS256(verifier),
        code_challenge_method: 'S256',
        decision: 'allow',
      });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('state')).toBe('st-1');
    return location.searchParams.get('code')!;
  };
  const token = (form: Record<string, string>) =>
    request(sim.app).post('/2/oauth2/token').set('authorization', BASIC).type('form').send(form);
  return { ...sim, advance, authorize, token };
}

describe('simulator: X OAuth 2.0 with PKCE', () => {
  it('shows a consent form and refuses plain PKCE and unknown clients', async () => {
    const { app } = setup();
    const query = {
      response_type: 'code',
      client_id: SIM_X_CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'tweet.read',
      state: 's',
      code_challenge: codeChallengeS256(createCodeVerifier()),
      code_challenge_method: 'S256',
    };
    const page = await request(app).get('/i/oauth2/authorize').query(query);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Authorize app');
    expect(
      (
        await request(app)
          .get('/i/oauth2/authorize')
          .query({ ...query, code_challenge_method: 'plain' })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .get('/i/oauth2/authorize')
          .query({ ...query, client_id: 'other' })
      ).status,
    ).toBe(400);
  });

  it('redeems a code once, only with the right verifier, and the token reads /2/users/me', async () => {
    const sim = setup();
    const verifier = createCodeVerifier();
    const code = await sim.authorize(verifier);
    const wrong = await sim.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: createCodeVerifier(),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    // The failed attempt used the code up (one try, as authorization codes are single-use).
    const code2 = await sim.authorize(verifier);
    const ok = await sim.token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 7200,
      scope: 'tweet.read users.read offline.access',
    });
    expect(typeof ok.body.refresh_token).toBe('string');
    const replay = await sim.token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(replay.status).toBe(400);
    const me = await request(sim.app)
      .get('/2/users/me')
      .set('authorization', `Bearer ${ok.body.access_token}`);
    expect(me.status).toBe(200);
    expect(me.body.data.id).toBe(sim.state.brand.id);
  });

  it('expires access tokens after two hours; refresh rotates the refresh token; revoke ends it', async () => {
    const sim = setup();
    const verifier = createCodeVerifier();
    const code = await sim.authorize(verifier);
    const first = (
      await sim.token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      })
    ).body;
    sim.advance(2 * 60 * 60_000 + 1);
    expect(
      (await request(sim.app).get('/2/users/me').set('authorization', `Bearer ${first.access_token}`)).status,
    ).toBe(401);
    const second = await sim.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(
      (await sim.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status,
    ).toBe(400);
    const bearer = `Bearer ${second.body.access_token}`;
    expect((await request(sim.app).get('/2/users/me').set('authorization', bearer)).status).toBe(200);
    const revoke = await request(sim.app)
      .post('/2/oauth2/revoke')
      .set('authorization', BASIC)
      .type('form')
      .send({ token: second.body.access_token, token_type_hint: 'access_token' });
    expect(revoke.status).toBe(200);
    expect((await request(sim.app).get('/2/users/me').set('authorization', bearer)).status).toBe(401);
  });

  it('refuses a token request without client authentication', async () => {
    const { app } = setup();
    const res = await request(app)
      .post('/2/oauth2/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });
});

describe('simulator: Facebook pages from a user token', () => {
  it('GET /me/accounts lists the page with its page token; a page token is not a user token', async () => {
    const { app, facebook } = setup();
    const res = await request(app).get('/v25.0/me/accounts').query({ access_token: 'sim-fb-user-token' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        id: facebook.page.id,
        name: facebook.page.name,
        access_token: 'sim-fb-page-token',
      }),
    ]);
    const bad = await request(app).get('/v25.0/me/accounts').query({ access_token: 'sim-fb-page-token' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe(190);
  });
});
