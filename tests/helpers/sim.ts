import type { RunningSimulator } from '../../simulator/server';
import { simCall } from './simCall';

/** Thin client for the simulator's control API, as tests use it. */

export interface SimPostInput {
  username: string;
  name?: string;
  text?: string;
  inReplyTo?: string;
  quoteOf?: string;
  retweetOf?: string;
  media?: Array<{ type: 'photo' | 'video' | 'animated_gif'; url: string; alt_text?: string }>;
}

export async function simPost(sim: RunningSimulator, p: SimPostInput): Promise<string> {
  const body = {
    author: { username: p.username, name: p.name ?? p.username },
    ...(p.text !== undefined ? { text: p.text } : {}),
    ...(p.inReplyTo ? { in_reply_to: p.inReplyTo } : {}),
    ...(p.quoteOf ? { quote_of: p.quoteOf } : {}),
    ...(p.retweetOf ? { retweet_of: p.retweetOf } : {}),
    ...(p.media ? { media: p.media } : {}),
  };
  return (await simCall<{ id: string }>(sim, 'POST', '/_sim/x/posts', body)).id;
}

export const simEdit = async (sim: RunningSimulator, id: string, text: string) =>
  (await simCall<{ id: string }>(sim, 'POST', `/_sim/x/posts/${id}/edit`, { text })).id;

export const simDm = (
  sim: RunningSimulator,
  from: { username: string; name?: string },
  text: string,
  to?: string,
) =>
  simCall<{ id: string; dm_conversation_id: string }>(sim, 'POST', '/_sim/x/dms', {
    from: { username: from.username, name: from.name ?? from.username },
    text,
    ...(to ? { to } : {}),
  });

export const simDmsWith = async (sim: RunningSimulator, username: string) =>
  (
    await simCall<{ data: Array<{ id: string; text: string; sender: string }> }>(
      sim,
      'GET',
      `/_sim/x/dms?with=${username}`,
    )
  ).data;

export const simFault = (sim: RunningSimulator, endpoint: string, kind: string, count = 1) =>
  simCall(sim, 'POST', '/_sim/faults', { platform: 'x', endpoint, kind, count });

export const simClearFaults = (sim: RunningSimulator) => simCall(sim, 'DELETE', '/_sim/faults');

export interface SimStats {
  requests: Record<string, number>;
  brandPostsCreated: number;
  brandDmsCreated: number;
}
export const simStats = async (sim: RunningSimulator) =>
  (await simCall<{ x: SimStats }>(sim, 'GET', '/_sim/stats')).x;

export const simPostsBy = async (sim: RunningSimulator, username: string) =>
  (
    await simCall<{ data: Array<{ id: string; text: string; in_reply_to: string | null }> }>(
      sim,
      'GET',
      `/_sim/x/posts?author=${username}`,
    )
  ).data;
