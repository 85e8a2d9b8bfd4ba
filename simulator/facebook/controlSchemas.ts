import type { Response } from 'express';
import { z } from 'zod';

/** Bodies of the Facebook control API (tests and demo traffic; not part of Graph). */

/** The parsed body, or null after answering 400 with the problems named. */
export function parseBody<S extends z.ZodType>(res: Response, schema: S, body: unknown): z.output<S> | null {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  res.status(400).json({ error: z.prettifyError(parsed.error) });
  return null;
}

export const personSchema = z.object({
  name: z.string().min(1).max(100),
  /** Commenter id (comments) or PSID (messages) for a new person; must match for a known one. */
  id: z
    .string()
    .regex(/^\d{1,20}$/, 'id must be numeric')
    .optional(),
});

const when = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const createPostSchema = z.object({
  message: z.string().min(1).max(63_206),
  /** A visitor's post on the Page instead of the Page's own (shows in /feed only). */
  from: personSchema.optional(),
  created_time: when.optional(),
});

export const createCommentSchema = z
  .object({
    post_id: z.string().min(1),
    parent_id: z.string().min(1).optional(),
    from: personSchema,
    message: z.string().max(8000).default(''),
    attachment_url: httpUrl.optional(),
    created_time: when.optional(),
  })
  .refine((c) => c.message !== '' || c.attachment_url !== undefined, {
    message: 'message (or attachment_url) is required',
    path: ['message'],
  });

export const editCommentSchema = z.object({ message: z.string().min(1).max(8000) });

export const createMessageSchema = z.object({
  from: personSchema,
  text: z.string().min(1).max(2000),
  created_time: when.optional(),
});

export const personUpdateSchema = z.object({ unavailable: z.boolean() });

export const usageSchema = z.object({
  /** Sets current usage in percent (as if spent just now). */
  app: z.number().nonnegative().optional(),
  page: z.number().nonnegative().optional(),
  app_per_call: z.number().nonnegative().optional(),
  page_per_call: z.number().nonnegative().optional(),
});

export const webhookSchema = z.object({
  url: httpUrl,
  app_secret: z.string().min(1),
  verify_token: z.string().min(1),
  bad_signature: z.boolean().default(false),
  /** Send the events of this many milliseconds as one POST (Facebook batches); 0 sends each at once. */
  batch_ms: z.number().int().nonnegative().max(60_000).default(0),
});

export const redeliverSchema = z.object({
  count: z.number().int().positive().default(1),
  shuffle: z.boolean().default(false),
});
