import type { FbComment, FbPost } from './content';
import { graphTime, unixSeconds } from './format';
import type { FbMessage } from './messenger';

/** Webhook payloads in the shapes of reference §9. */

export type FeedVerb = 'add' | 'edited' | 'remove' | 'hide' | 'unhide';

/** The app the simulator's echoes claim to come from (echo events carry `app_id`). */
export const SIM_APP_ID = 1000000000000001;

export interface Actor {
  id: string;
  name: string;
}

/**
 * A comment change on the Page's feed. `parent_id` is the post for a top-level comment, else the parent
 * comment. UNCONFIRMED: which keys a remove/hide event leaves out; this one keeps `message` only for
 * add and edited, and adds a short `post` object as recent deliveries do.
 */
export function commentChange(input: {
  pageId: string;
  post: FbPost;
  permalink: string;
  comment: FbComment;
  verb: FeedVerb;
  from: Actor;
  at: number;
}) {
  const { comment, post, verb } = input;
  const value: Record<string, unknown> = {
    from: input.from,
    post: {
      status_type: 'mobile_status_update',
      is_published: true,
      updated_time: graphTime(post.updatedAt),
      permalink_url: input.permalink,
      promotion_status: 'inactive',
      id: post.id,
    },
    post_id: post.id,
    comment_id: comment.id,
    parent_id: comment.parentId ?? post.id,
    created_time: unixSeconds(verb === 'add' ? comment.createdAt : input.at),
    item: 'comment',
    verb,
  };
  if (verb === 'add' || verb === 'edited') value.message = comment.message;
  if (verb === 'add' && comment.attachmentUrl) value.photo = comment.attachmentUrl;
  return {
    object: 'page',
    entry: [{ id: input.pageId, time: unixSeconds(input.at), changes: [{ field: 'feed', value }] }],
  };
}

/**
 * A Messenger message to or from the Page. The Page's own sends come back as echoes (`is_echo`), which a
 * receiver must not take for a customer message. Messenger times are in milliseconds.
 */
export function messagingEvent(pageId: string, message: FbMessage, at: number) {
  const page = { id: pageId };
  const person = { id: message.psid };
  const body: Record<string, unknown> = { mid: message.id, text: message.text };
  if (message.fromPage) {
    body.is_echo = true;
    body.app_id = SIM_APP_ID;
  }
  return {
    object: 'page',
    entry: [
      {
        id: pageId,
        time: at,
        messaging: [
          {
            sender: message.fromPage ? page : person,
            recipient: message.fromPage ? person : page,
            timestamp: message.createdAt,
            message: body,
          },
        ],
      },
    ],
  };
}
