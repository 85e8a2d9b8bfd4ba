import type { RunningSimulator } from '../../simulator/server';
import { simCall } from './simCall';

/** The simulator's Facebook control API, as tests use it. */

export const fbPage = (sim: RunningSimulator) =>
  simCall<{ id: string; name: string }>(sim, 'GET', '/_sim/facebook/page');
export const fbPagePost = async (sim: RunningSimulator, message: string) =>
  (await simCall<{ id: string }>(sim, 'POST', '/_sim/facebook/posts', { message })).id;
export const fbComment = async (
  sim: RunningSimulator,
  c: { postId: string; parentId?: string; from: string; message: string; createdTime?: string },
) =>
  (
    await simCall<{ id: string }>(sim, 'POST', '/_sim/facebook/comments', {
      post_id: c.postId,
      ...(c.parentId ? { parent_id: c.parentId } : {}),
      from: { name: c.from },
      message: c.message,
      ...(c.createdTime ? { created_time: c.createdTime } : {}),
    })
  ).id;
export const fbMessage = (sim: RunningSimulator, from: string, text: string, createdTime?: string) =>
  simCall<{ id: string; psid?: string }>(sim, 'POST', '/_sim/facebook/messages', {
    from: { name: from },
    text,
    ...(createdTime ? { created_time: createdTime } : {}),
  });
export interface PageActivity {
  type: string;
  object_id?: string;
  text?: string;
  attachment_url?: string;
  messaging_type?: string;
  tag?: string;
}
export const fbActivity = async (sim: RunningSimulator) =>
  (await simCall<{ data: PageActivity[] }>(sim, 'GET', '/_sim/facebook/page-activity')).data;
export const fbWebhook = (
  sim: RunningSimulator,
  w: { url: string; appSecret: string; verifyToken: string },
) =>
  simCall(sim, 'POST', '/_sim/facebook/webhook', {
    url: w.url,
    app_secret: w.appSecret,
    verify_token: w.verifyToken,
  });
export const fbFault = (sim: RunningSimulator, endpoint: string, kind: string, count = 1) =>
  simCall(sim, 'POST', '/_sim/faults', { platform: 'facebook', endpoint, kind, count });
