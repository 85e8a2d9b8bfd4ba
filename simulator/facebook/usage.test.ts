import request from 'supertest';
import { fbSetup, HOUR, PAGE_ID } from './testHelpers';

const appUsage = (res: request.Response) => JSON.parse(res.headers['x-app-usage']!);
const pageUsage = (res: request.Response) =>
  JSON.parse(res.headers['x-business-use-case-usage']!)[PAGE_ID][0];

describe('Graph usage headers and throttling', () => {
  it('every answer carries X-App-Usage and X-Business-Use-Case-Usage, growing with each call', async () => {
    const { get } = fbSetup({ facebook: { appUsagePerCall: 2, pageUsagePerCall: 5 } });
    const first = await get('/me');
    expect(appUsage(first)).toEqual({ call_count: 2, total_time: 1, total_cputime: 0 });
    expect(pageUsage(first)).toEqual({
      type: 'pages',
      call_count: 5,
      total_cputime: 2,
      total_time: 3,
      estimated_time_to_regain_access: 0,
    });
    await get('/me');
    const third = await get('/me');
    expect(appUsage(third).call_count).toBe(6);
    expect(pageUsage(third).call_count).toBe(15);
    // Errors carry them too.
    expect(appUsage(await get('/999'))).toEqual(expect.objectContaining({ call_count: 8 }));
  });

  it('usage decays over the rolling hour', async () => {
    const { get, clock } = fbSetup({ facebook: { appUsagePerCall: 10 } });
    await get('/me');
    clock.advance(HOUR / 2);
    await get('/me');
    clock.advance(HOUR / 2 + 1);
    expect(appUsage(await get('/me')).call_count).toBe(20);
  });

  it('at 100 % of the app budget calls fail with code 4 until usage decays', async () => {
    const { get, clock } = fbSetup({ facebook: { appUsagePerCall: 25, pageUsagePerCall: 0 } });
    for (let i = 0; i < 4; i++) expect((await get('/me')).status).toBe(200);
    const limited = await get('/me');
    expect(limited.status).toBe(400);
    expect(limited.body.error).toMatchObject({ message: '(#4) Application request limit reached', code: 4 });
    expect(appUsage(limited).call_count).toBe(100);
    clock.advance(HOUR + 1);
    expect((await get('/me')).status).toBe(200);
  });

  it('at 100 % of the Page budget calls fail with code 32 (or 80001) and say when access returns', async () => {
    const { get, clock, app } = fbSetup({ facebook: { pageUsagePerCall: 0 } });
    await request(app).put('/_sim/facebook/usage').send({ page: 100 });
    clock.advance(10 * 60_000);
    const limited = await get('/me');
    expect(limited.body.error).toMatchObject({ code: 32, message: '(#32) Page request limit reached' });
    expect(pageUsage(limited)).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 50 });
    const alt = fbSetup({ facebook: { pageRateLimitCode: 80001 } });
    await request(alt.app).put('/_sim/facebook/usage').send({ page: 120 });
    expect((await alt.get('/me')).body.error.code).toBe(80001);
  });

  it('GET/PUT /_sim/facebook/usage read and set the meters', async () => {
    const { app, get } = fbSetup();
    await request(app).put('/_sim/facebook/usage').send({ app: 40, app_per_call: 1, page_per_call: 3 });
    await get('/me');
    expect((await request(app).get('/_sim/facebook/usage')).body).toEqual({
      app: { call_count: 41, total_time: 24, total_cputime: 16, per_call: 1 },
      page: {
        call_count: 3,
        total_time: 1,
        total_cputime: 1,
        per_call: 3,
        estimated_time_to_regain_access: 0,
      },
    });
    expect((await request(app).put('/_sim/facebook/usage').send({ app: -1 })).status).toBe(400);
  });
});
