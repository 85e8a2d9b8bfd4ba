import type { RequestHandler } from 'express';
import { z } from 'zod';
import { DM_EVENT_TYPES } from '../dms';
import type { SimulatorState } from '../store';
import { bodyIssuesToXErrors } from './createPostSchema';
import { pageOrRefuse } from './listing';
import { invalidRequestBody } from './problems';
import { dmEventsQuerySchema, parsePathId, parseXQuery } from './query';
import { DmRenderer } from './renderDm';
import { sendData, sendProblem } from './respond';

/** GET /2/dm_events only reaches back 30 days (reference section 2). */
export const DM_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const DM_MAX_LENGTH = 10_000;
const EMPTY = new Set<string>();

// UNCONFIRMED: the v2 answer for a participant the brand cannot message; v1.1 said this (code 349).
export const CANNOT_DM_BODY = {
  detail: 'You cannot send messages to this user.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

const mediaId = z.string().regex(/^[0-9]{1,19}$/);
const sendDmBodySchema = z.strictObject({
  text: z.string().max(DM_MAX_LENGTH).optional(),
  attachments: z
    .array(z.strictObject({ media_id: mediaId }))
    .max(1)
    .optional(),
});

/** The brand's DM events, newest first, paged with pagination_token (meta has next_token/previous_token). */
export function dmEventsHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const parsed = parseXQuery(dmEventsQuerySchema, req.query);
    if (!parsed.ok) {
      sendProblem(res, 400, invalidRequestBody(parsed.errors));
      return;
    }
    const q = parsed.value;
    const types: ReadonlySet<string> = q.event_types ?? new Set(DM_EVENT_TYPES);
    const earliest = state.now() - DM_WINDOW_MS;
    const all = state.dms
      .eventsOf(state.brand.id)
      .filter((e) => types.has(e.eventType) && e.createdAt >= earliest);
    const hidden = state.faults.takeHiddenPosts(
      'GET /2/dm_events',
      all.map((e) => e.id),
    );
    const page = pageOrRefuse(
      res,
      all.filter((e) => !hidden.has(e.id)),
      { max_results: q.max_results, pagination_token: q.pagination_token },
      { tokenName: 'pagination_token', defaultMaxResults: 100, meta: { ids: false, previousToken: true } },
    );
    if (!page) return;
    const renderer = new DmRenderer(state, {
      dmEventFields: new Set([...state.options.dmEventDefaultFields, ...(q['dm_event.fields'] ?? [])]),
      expansions: q.expansions ?? EMPTY,
      tweetFields: q['tweet.fields'] ?? EMPTY,
      userFields: q['user.fields'] ?? EMPTY,
      mediaFields: q['media.fields'] ?? EMPTY,
    });
    const body: Record<string, unknown> = {};
    if (page.posts.length) body.data = page.posts.map((e) => renderer.event(e));
    const includes = renderer.includes(page.posts);
    if (includes) body.includes = includes;
    body.meta = page.meta;
    sendData(res, 200, body);
  };
}

/** POST /2/dm_conversations/with/:participant_id/messages: the brand writes to one person. */
export function sendDmHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const participantId = String(req.params.participant_id ?? '');
    const badId = parsePathId('participant_id', participantId);
    if (badId) {
      sendProblem(res, 400, invalidRequestBody([badId]));
      return;
    }
    const parsed = sendDmBodySchema.safeParse(req.body);
    if (!parsed.success) {
      sendProblem(res, 400, invalidRequestBody(bodyIssuesToXErrors(parsed.error.issues, req.body)));
      return;
    }
    const { text = '', attachments = [] } = parsed.data;
    if (text.trim() === '' && !attachments.length) {
      // UNCONFIRMED: the wording; X requires text or an attachment.
      sendProblem(
        res,
        400,
        invalidRequestBody([
          { parameters: { '$.text': [text] }, message: '$.text: text or attachments is required' },
        ]),
      );
      return;
    }
    const missing = attachments.findIndex((a) => state.uploads.usable(a.media_id) !== 'ok');
    if (missing !== -1) {
      const id = attachments[missing]!.media_id;
      sendProblem(
        res,
        400,
        invalidRequestBody([
          // UNCONFIRMED: the wording for an unknown media id.
          {
            parameters: { [`$.attachments[${missing}].media_id`]: [id] },
            message: `media_id ${id} is not valid (${state.uploads.usable(id)})`,
          },
        ]),
      );
      return;
    }
    const participant = state.userById(participantId);
    const brandId = state.brand.id;
    const reachable =
      participant !== undefined &&
      participant.id !== brandId &&
      (participant.acceptsDms || state.dms.haveConversation(brandId, participant.id));
    if (!reachable) {
      sendProblem(res, 403, CANNOT_DM_BODY);
      return;
    }
    const event = state.createDm(
      {
        senderId: brandId,
        recipientId: participant.id,
        text,
        mediaKeys: attachments.map((a) => state.media.getById(a.media_id)!.key),
      },
      'api',
    );
    sendData(res, 201, { data: { dm_conversation_id: event.conversationId, dm_event_id: event.id } });
  };
}
