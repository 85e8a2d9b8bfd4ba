import { z } from 'zod';
import { X_ENDPOINTS } from './endpoints';
import { MEDIA_TYPES } from './media';

/** Bodies of the X control API (tests and demo traffic; not part of X). */

export const authorSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/, 'username must be 1-15 letters, digits or underscores'),
  name: z.string().min(1).max(50),
  followers_count: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
  /** false: only people this user already has a DM conversation with can message them. */
  accepts_dms: z.boolean().optional(),
});

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const mediaSchema = z.object({
  type: z.enum(MEDIA_TYPES),
  url: httpsUrl,
  alt_text: z.string().max(1000).optional(),
  preview_image_url: httpsUrl.optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

/** X allows up to four photos, or a single video or GIF. */
const mediaListSchema = z
  .array(mediaSchema)
  .min(1)
  .max(4)
  .refine((list) => list.every((m) => m.type === 'photo') || list.length === 1, {
    message: 'at most four photos, or one video or GIF',
  });

const postId = z.string().regex(/^[0-9]{1,19}$/, 'must be a post id');

export const createPostSchema = z
  .object({
    author: authorSchema,
    text: z.string().min(1).optional(),
    in_reply_to: postId.nullable().optional(),
    quote_of: postId.optional(),
    retweet_of: postId.optional(),
    media: mediaListSchema.optional(),
    created_at: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.retweet_of === undefined) {
      if (p.text === undefined) ctx.addIssue({ code: 'custom', path: ['text'], message: 'text is required' });
      return;
    }
    for (const key of ['text', 'in_reply_to', 'quote_of', 'media'] as const) {
      if (p[key] !== undefined && p[key] !== null) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a retweet has no text, reply, quote or media of its own',
        });
      }
    }
  });

export const editPostSchema = z.object({ text: z.string().min(1) });

export const createDmSchema = z.object({
  // The brand may send too, and the demo brand's handle is longer than X allows customers.
  from: authorSchema.extend({
    username: z.string().regex(/^[A-Za-z0-9_]{1,50}$/, 'username must be letters, digits or underscores'),
  }),
  text: z.string().min(1).max(10_000),
  /** Username of the recipient; the brand when left out. */
  to: z.string().optional(),
  media: z.array(mediaSchema).max(1).optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
});

export const rateLimitSchema = z.object({
  endpoint: z.enum(X_ENDPOINTS, `endpoint must be one of: ${X_ENDPOINTS.join(', ')}`),
  limit: z.number().int().nonnegative(),
  windowMs: z.number().int().positive().optional(),
  /** `user` (x-rate-limit-*, the default) or `app` (x-app-limit-24hour-*). */
  scope: z.enum(['user', 'app']).default('user'),
});
