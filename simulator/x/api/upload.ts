import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { SimulatorState } from '../store';
import {
  GIF_PROCESSING_SECS,
  MAX_SEGMENT_BYTES,
  MAX_SEGMENT_INDEX,
  MAX_UPLOAD_BYTES,
  MEDIA_CATEGORIES,
  mediaTypeOf,
  UPLOAD_EXPIRES_AFTER_SECS,
  UPLOAD_MEDIA_TYPES,
  type UploadSession,
} from '../uploads';
import { bodyIssuesToXErrors } from './createPostSchema';
import { parseMultipart } from './multipart';
import { bearerToken } from './pipeline';
import { invalidRequestBody, mediaNotFoundBody, UNSUPPORTED_AUTH_BODY } from './problems';
import { parsePathId } from './query';
import { sendData, sendProblem } from './respond';

/**
 * The v2 chunked upload, shaped by what twitter-api-v2 1.29 `v2.uploadMedia` sends:
 * initialize (JSON), append (multipart `segment_index` + `media`, parts without a file name),
 * finalize (an empty JSON body), STATUS (GET with `command=STATUS&media_id=`).
 * UNCONFIRMED (not in our reference): status codes, `expires_at` of append, and every error wording.
 */

const initializeSchema = z.object({
  media_type: z.enum(UPLOAD_MEDIA_TYPES),
  total_bytes: z.number().int().positive(),
  media_category: z.enum(MEDIA_CATEGORIES).optional(),
  additional_owners: z.array(z.string().regex(/^[0-9]{1,19}$/)).optional(),
  shared: z.boolean().optional(),
});

/** X docs: upload needs a user context; an app-only token is refused (the v2 "unsupported authentication" problem). */
function refuseAppOnly(state: SimulatorState, req: Request, res: Response): boolean {
  const token = bearerToken(req);
  if (token !== null && state.isAppOnlyToken(token)) {
    sendProblem(res, 403, UNSUPPORTED_AUTH_BODY);
    return true;
  }
  return false;
}

export function initializeUploadHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    if (refuseAppOnly(state, req, res)) return;
    const parsed = initializeSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      sendProblem(res, 400, invalidRequestBody(bodyIssuesToXErrors(parsed.error.issues, req.body)));
      return;
    }
    const { media_type, total_bytes } = parsed.data;
    const kind = media_type === 'image/gif' ? 'gif' : 'image';
    if (total_bytes > MAX_UPLOAD_BYTES[kind]) {
      sendProblem(
        res,
        400,
        invalidRequestBody([
          {
            parameters: { '$.total_bytes': [String(total_bytes)] },
            message: `$.total_bytes: ${total_bytes} is larger than the ${MAX_UPLOAD_BYTES[kind]} bytes allowed for ${media_type}`,
          },
        ]),
      );
      return;
    }
    // X docs: without a category, media count as Post media of their type.
    const category = parsed.data.media_category ?? (kind === 'gif' ? 'tweet_gif' : 'tweet_image');
    const session = state.startUpload({ mediaType: media_type, category, totalBytes: total_bytes });
    sendData(res, 200, {
      data: { id: session.id, media_key: session.key, expires_after_secs: UPLOAD_EXPIRES_AFTER_SECS },
    });
  };
}

export function appendUploadHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    if (refuseAppOnly(state, req, res)) return;
    const session = sessionOrRefuse(state, String(req.params.id ?? ''), res);
    if (!session) return;
    const fields = appendFields(req);
    const rawIndex = fields.segment_index;
    const index = rawIndex === undefined ? Number.NaN : Number(rawIndex);
    const errors = [];
    if (!Number.isInteger(index) || index < 0 || index > MAX_SEGMENT_INDEX) {
      errors.push({
        parameters: { segment_index: [rawIndex ?? ''] },
        message: `segment_index must be an integer from 0 to ${MAX_SEGMENT_INDEX}`,
      });
    }
    if (!fields.media || fields.media.length === 0) {
      errors.push({ parameters: { media: [] }, message: 'media parameter is missing.' });
    } else if (fields.media.length > MAX_SEGMENT_BYTES) {
      errors.push({
        parameters: { media: [`${fields.media.length} bytes`] },
        message: `a segment may have at most ${MAX_SEGMENT_BYTES} bytes`,
      });
    }
    if (session.finalizedAt !== null) {
      errors.push({ parameters: { id: [session.id] }, message: 'the upload was already finalized' });
    }
    if (errors.length || !fields.media) {
      sendProblem(res, 400, invalidRequestBody(errors));
      return;
    }
    state.uploads.append(session, index, fields.media);
    sendData(res, 200, { data: { expires_at: Math.floor(session.expiresAt / 1000) } });
  };
}

export function finalizeUploadHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    if (refuseAppOnly(state, req, res)) return;
    const session = sessionOrRefuse(state, String(req.params.id ?? ''), res);
    if (!session) return;
    // A finalize sent again (a client retrying after a timeout) gets the same answer (UNCONFIRMED).
    if (session.finalizedAt === null) {
      const result = state.uploads.finalize(session);
      if (!result.ok) {
        const received =
          result.error === 'no_segments'
            ? 'No segments were uploaded.'
            : `${result.received} bytes received.`;
        sendProblem(
          res,
          400,
          invalidRequestBody([
            {
              parameters: { id: [session.id] },
              // v1.1 wording (X's forums); the v2 wording is UNCONFIRMED.
              message: `Segments do not add up to provided total file size. ${received}`,
            },
          ]),
        );
        return;
      }
    }
    sendData(res, 201, { data: mediaState(state, session, true) });
  };
}

const statusQuerySchema = z.object({
  command: z.literal('STATUS'),
  media_id: z.string().regex(/^[0-9]{1,19}$/),
});

export function uploadStatusHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    if (refuseAppOnly(state, req, res)) return;
    const parsed = statusQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      sendProblem(
        res,
        400,
        invalidRequestBody(
          parsed.error.issues.map((issue) => {
            const name = String(issue.path[0] ?? 'command');
            return {
              parameters: { [name]: [String((req.query as Record<string, unknown>)[name] ?? '')] },
              message: `The \`${name}\` query parameter is invalid: ${issue.message}`,
            };
          }),
        ),
      );
      return;
    }
    const session = sessionOrRefuse(state, parsed.data.media_id, res);
    if (!session) return;
    if (session.finalizedAt === null) {
      sendProblem(
        res,
        400,
        invalidRequestBody([
          { parameters: { media_id: [session.id] }, message: 'the upload has not been finalized' },
        ]),
      );
      return;
    }
    sendData(res, 200, { data: mediaState(state, session, false) });
  };
}

/** The media id from the path: malformed → 400, unknown or expired → 404. */
function sessionOrRefuse(state: SimulatorState, id: string, res: Response): UploadSession | null {
  const invalid = parsePathId('id', id);
  if (invalid) {
    sendProblem(res, 400, invalidRequestBody([invalid]));
    return null;
  }
  const session = state.uploads.get(id);
  if (!session) {
    sendProblem(res, 404, mediaNotFoundBody(id));
    return null;
  }
  return session;
}

/** The finalize / STATUS answer; GIFs are processed for a moment (X: processing_info for GIFs and videos). */
function mediaState(state: SimulatorState, session: UploadSession, finalizing: boolean) {
  const out: Record<string, unknown> = {
    id: session.id,
    media_key: session.key,
    size: session.data?.length ?? 0,
    expires_after_secs: Math.max(0, Math.floor((session.expiresAt - state.now()) / 1000)),
  };
  const processed = mediaTypeOf(session.mediaType) !== 'photo';
  const ready = session.readyAt !== null && session.readyAt <= state.now();
  if (processed && !ready) {
    const left = Math.max(1, Math.ceil(((session.readyAt ?? state.now()) - state.now()) / 1000));
    out.processing_info = {
      state: finalizing ? 'pending' : 'in_progress',
      check_after_secs: Math.min(left, GIF_PROCESSING_SECS),
    };
  } else if (processed || !finalizing) {
    out.processing_info = { state: 'succeeded', progress_percent: 100 };
  }
  return out;
}

/** `segment_index` and `media` from a multipart body (what the library sends) or JSON with base64 media. */
function appendFields(req: Request): { segment_index?: string; media?: Buffer } {
  if (Buffer.isBuffer(req.body)) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.get('content-type') ?? '');
    const parts = boundary ? parseMultipart(req.body, boundary[1] ?? boundary[2] ?? '') : new Map();
    const index = parts.get('segment_index');
    const media = parts.get('media');
    return {
      ...(index ? { segment_index: index.toString('utf8').trim() } : {}),
      ...(media ? { media } : {}),
    };
  }
  const body = (req.body ?? {}) as { segment_index?: unknown; media?: unknown };
  return {
    ...(body.segment_index !== undefined ? { segment_index: String(body.segment_index) } : {}),
    ...(typeof body.media === 'string' ? { media: Buffer.from(body.media, 'base64') } : {}),
  };
}
