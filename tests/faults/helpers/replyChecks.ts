import type { Knex } from 'knex';
import type { RunningSimulator } from '../../../simulator/server';
import { simPostsBy } from '../../helpers/sim';

/** What a fault test asserts about queued replies, as plain counts (a failure prints them). */
export interface ReplyReport {
  queued: number;
  sent: number;
  failed: number;
  pending: number;
  /** Replies (by their unique text) the simulator never received. */
  neverPosted: number;
  /** Replies the simulator received more than once. */
  postedTwice: number;
  /** Sent rows whose external id is not the simulator's post of that text. */
  wrongExternalId: number;
}

/** Every reply text must be unique per test: that is how simulator posts are matched to outbox rows. */
export async function replyReport(
  db: Knex,
  sim: RunningSimulator,
  messageIds: string[],
): Promise<ReplyReport> {
  const rows: Array<{ id: string; text: string; delivery_state: string; external_id: string | null }> =
    await db('messages').whereIn('id', messageIds).select('id', 'text', 'delivery_state', 'external_id');
  const byText = new Map<string, string[]>();
  for (const p of await simPostsBy(sim, sim.state.brand.username)) {
    byText.set(p.text, [...(byText.get(p.text) ?? []), p.id]);
  }
  let neverPosted = 0;
  let postedTwice = 0;
  let wrongExternalId = 0;
  for (const row of rows) {
    const posts = [...byText.entries()].find(([text]) => text.endsWith(row.text))?.[1] ?? [];
    if (posts.length === 0) neverPosted++;
    if (posts.length > 1) postedTwice++;
    if (row.delivery_state === 'sent' && (posts.length !== 1 || posts[0] !== row.external_id))
      wrongExternalId++;
  }
  const count = (state: string) => rows.filter((r) => r.delivery_state === state).length;
  return {
    queued: messageIds.length,
    sent: count('sent'),
    failed: count('failed'),
    pending: rows.length - count('sent') - count('failed'),
    neverPosted,
    postedTwice,
    wrongExternalId,
  };
}

export const cleanReplyReport = (queued: number): ReplyReport => ({
  queued,
  sent: queued,
  failed: 0,
  pending: 0,
  neverPosted: 0,
  postedTwice: 0,
  wrongExternalId: 0,
});
