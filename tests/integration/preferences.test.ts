import type { MeResponse } from '../../common/types';
import { type Stack, startStack } from '../helpers/stack';

/** Issue 5, point 10: language and time zone are stored per user on the server. */
describe('user preferences', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('stores language and time zone per user and returns them with /api/me in every session', async () => {
    const ben = await stack.login('ben@demo.caredesk');
    const before = (await stack.api(ben, 'GET', '/api/me')).body as MeResponse;
    expect(before.user).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin' });

    const saved = await stack.api(ben, 'PATCH', '/api/me', { locale: 'de', timeZone: 'America/New_York' });
    expect(saved.status).toBe(200);
    expect(saved.body.user).toMatchObject({ locale: 'de', timeZone: 'America/New_York' });

    const otherSession = await stack.login('ben@demo.caredesk');
    expect(((await stack.api(otherSession, 'GET', '/api/me')).body as MeResponse).user).toMatchObject({
      locale: 'de',
      timeZone: 'America/New_York',
    });
    const anna = await stack.login('anna@demo.caredesk');
    expect(((await stack.api(anna, 'GET', '/api/me')).body as MeResponse).user.timeZone).toBe(
      'Europe/Berlin',
    );
  });

  it('refuses unknown zones, unknown languages, extra fields and empty bodies, changing nothing', async () => {
    const lea = await stack.login('lea@demo.caredesk');
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ locale: 'fr' }, 'locale'],
      [{ locale: 'de', role: 'admin' }, undefined],
      [{}, undefined],
    ] as const) {
      const res = await stack.api(lea, 'PATCH', '/api/me', body);
      expect(res.status).toBe(400);
      if (field) expect(res.body.error.field).toBe(field);
    }
    expect(((await stack.api(lea, 'GET', '/api/me')).body as MeResponse).user).toMatchObject({
      role: 'lead',
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    expect((await stack.api('', 'PATCH', '/api/me', { locale: 'en' })).status).toBe(401);
  });
});
