import type { Express } from 'express';
import request from 'supertest';

/** Shared by the simulator's tests: seeding posts through the control API as a test or the demo would. */

export const TOKEN = 'sim-x-token';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export function fakeClock(start = Date.UTC(2026, 0, 15, 10, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function seedPost(
  app: Express,
  input: { username: string; text: string; inReplyTo?: string; name?: string; createdAt?: string },
): Promise<string> {
  const res = await request(app)
    .post('/_sim/x/posts')
    .send({
      author: { username: input.username, name: input.name ?? input.username },
      text: input.text,
      ...(input.inReplyTo ? { in_reply_to: input.inReplyTo } : {}),
      ...(input.createdAt ? { created_at: input.createdAt } : {}),
    });
  if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Seeds `count` mentions of the brand from one customer and returns their ids, oldest first. */
export async function seedMentions(app: Express, brand: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await seedPost(app, { username: `customer${i % 7}`, text: `@${brand} problem number ${i}` }));
  }
  return ids;
}
