import request from 'supertest';
import { createSimulatorApp } from '../app';
import type { SimulatorOptions } from '../options';
import { fakeClock } from '../testHelpers';

/** Shared by the Graph stand-in's tests: an app on a fake clock and shortcuts for the control API. */

export const FB_TOKEN = 'sim-fb-page-token';
export const PAGE_ID = '1010000000000001';
export const V = '/v25.0';

export function fbSetup(options: SimulatorOptions = {}) {
  const clock = fakeClock();
  const { app, facebook } = createSimulatorApp({ now: clock.now, ...options });

  const expectCreated = (res: request.Response) => {
    if (res.status !== 201) throw new Error(`control refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; psid?: string; conversation_id?: string };
  };

  return {
    app,
    facebook,
    clock,
    /** A Graph GET with the page token in the query. */
    get: (path: string, query: Record<string, string | number> = {}) =>
      request(app)
        .get(`${V}${path}`)
        .query({ access_token: FB_TOKEN, ...query }),
    /** A Graph POST with a JSON body and the token as a bearer header. */
    send: (path: string, body: object) =>
      request(app).post(`${V}${path}`).set('authorization', `Bearer ${FB_TOKEN}`).send(body),
    del: (path: string) => request(app).delete(`${V}${path}`).query({ access_token: FB_TOKEN }),
    seedPost: async (message: string, extra: Record<string, unknown> = {}) =>
      expectCreated(
        await request(app)
          .post('/_sim/facebook/posts')
          .send({ message, ...extra }),
      ).id,
    comment: async (postId: string, name: string, message: string, extra: Record<string, unknown> = {}) =>
      expectCreated(
        await request(app)
          .post('/_sim/facebook/comments')
          .send({ post_id: postId, from: { name }, message, ...extra }),
      ).id,
    message: async (name: string, text: string, extra: Record<string, unknown> = {}) =>
      expectCreated(
        await request(app)
          .post('/_sim/facebook/messages')
          .send({ from: { name }, text, ...extra }),
      ) as { id: string; psid: string; conversation_id: string },
    inject: (endpoint: string, kind: string, count = 1) =>
      request(app).post('/_sim/faults').send({ platform: 'facebook', endpoint, kind, count }),
    activity: async () =>
      (await request(app).get('/_sim/facebook/page-activity')).body.data as Array<Record<string, unknown>>,
  };
}

/** Ids of a Graph listing, in the order given. */
export const ids = (res: request.Response): string[] =>
  (res.body.data ?? []).map((d: { id: string }) => d.id);

/** Path and query of a `paging.next` URL, to follow it through supertest. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

export const isoAgo = (clock: { now(): number }, ms: number) => new Date(clock.now() - ms).toISOString();
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
