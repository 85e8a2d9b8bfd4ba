import type { RequestHandler } from 'express';
import type { SimulatorState } from '../store';
import { weightedLength } from '../text';
import { bodyIssuesToXErrors, createPostBodySchema } from './createPostSchema';
import {
  DELETE_FORBIDDEN_BODY,
  DUPLICATE_BODY,
  type InvalidParameter,
  invalidRequestBody,
  REPLY_TO_DELETED_BODY,
} from './problems';
import { parsePathId } from './query';
import { sendData, sendProblem } from './respond';

export const MAX_WEIGHTED_LENGTH = 280;

// UNCONFIRMED: no recorded answer for quoting a missing post; shaped like the reply case.
const QUOTE_OF_DELETED_BODY = {
  detail: 'You attempted to quote a Tweet that is deleted or not visible to you.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

/** POST /2/tweets: every post is authored by the brand, since every accepted token acts as the brand. */
export function createPostHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const parsed = createPostBodySchema.safeParse(req.body);
    if (!parsed.success) {
      sendProblem(res, 400, invalidRequestBody(bodyIssuesToXErrors(parsed.error.issues, req.body)));
      return;
    }
    const body = parsed.data;
    const text = body.text ?? '';
    const invalid = checkText(text, body.media !== undefined);
    if (invalid) {
      sendProblem(res, 400, invalidRequestBody([invalid]));
      return;
    }
    const replyTo = body.reply?.in_reply_to_tweet_id;
    if (replyTo !== undefined && !state.visiblePost(replyTo)) {
      sendProblem(res, 403, REPLY_TO_DELETED_BODY);
      return;
    }
    if (body.quote_tweet_id !== undefined && !state.visiblePost(body.quote_tweet_id)) {
      sendProblem(res, 403, QUOTE_OF_DELETED_BODY);
      return;
    }
    const mediaIds = body.media?.media_ids ?? [];
    const badMedia = mediaIds.findIndex((id) => state.uploads.usable(id) !== 'ok');
    if (badMedia !== -1) {
      sendProblem(res, 400, invalidMediaBody(mediaIds[badMedia]!, state.uploads.usable(mediaIds[badMedia]!)));
      return;
    }
    if (text !== '' && state.findDuplicate(state.brand.id, text)) {
      sendProblem(res, 403, DUPLICATE_BODY);
      return;
    }
    const post = state.createPost(
      {
        authorId: state.brand.id,
        text,
        inReplyToPostId: replyTo ?? null,
        quotedPostId: body.quote_tweet_id ?? null,
        mediaKeys: mediaIds.map((id) => state.media.getById(id)!.key),
      },
      'api',
    );
    sendData(res, 201, { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } });
  };
}

/**
 * Unknown, expired or still processing media ids. UNCONFIRMED: "Your media IDs are invalid." is the
 * wording seen for v1.1 and v2 posts; X documents only that an expired id gets a 4xx.
 */
export function invalidMediaBody(id: string, why: 'unknown' | 'expired' | 'not_ready' | 'ok') {
  const reason =
    why === 'not_ready' ? ' (processing has not finished)' : why === 'expired' ? ' (expired)' : '';
  return {
    title: 'Invalid Request',
    detail: `Your media IDs are invalid.${reason}`,
    type: 'https://api.twitter.com/2/problems/invalid-request',
    errors: [{ parameters: { 'media.media_ids': [id] }, message: `Your media IDs are invalid.${reason}` }],
  };
}

export function deletePostHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const id = String(req.params.id ?? '');
    const invalid = parsePathId('id', id);
    if (invalid) {
      sendProblem(res, 400, invalidRequestBody([invalid]));
      return;
    }
    const post = state.visiblePost(id);
    if (!post || post.authorId !== state.brand.id) {
      sendProblem(res, 403, DELETE_FORBIDDEN_BODY);
      return;
    }
    state.deletePost(id);
    sendData(res, 200, { data: { deleted: true } });
  };
}

/**
 * UNCONFIRMED: the reference does not say how X refuses an over-long or empty text;
 * both are answered as invalid requests naming `$.text`.
 */
function checkText(text: string, hasMedia: boolean): InvalidParameter | null {
  if (text.trim() === '' && !hasMedia) {
    return {
      parameters: { '$.text': [text] },
      message: '$.text: text must not be empty unless media is attached',
    };
  }
  const length = weightedLength(text);
  if (length > MAX_WEIGHTED_LENGTH) {
    return {
      parameters: { '$.text': [text] },
      message: `$.text: text is too long (weighted length ${length}, at most ${MAX_WEIGHTED_LENGTH})`,
    };
  }
  return null;
}
