import { z } from 'zod';
import type { InboundItem } from './adapter';

const span = { start: z.number(), end: z.number() };

export const messageContextSchema = z.object({
  media: z.array(
    z.object({
      type: z.enum(['photo', 'video', 'animated_gif']),
      url: z.string(),
      altText: z.string().nullable(),
      width: z.number().nullable(),
      height: z.number().nullable(),
    }),
  ),
  entities: z
    .object({
      urls: z.array(z.object({ ...span, url: z.string(), expandedUrl: z.string(), displayUrl: z.string() })),
      mentions: z.array(z.object({ ...span, username: z.string() })),
      hashtags: z.array(z.object({ ...span, tag: z.string() })),
    })
    .nullable(),
  quoted: z
    .object({
      externalId: z.string(),
      text: z.string(),
      authorName: z.string(),
      authorHandle: z.string(),
      url: z.string(),
    })
    .nullable(),
  url: z.string().nullable(),
  dmConversationId: z.string().optional(),
  counterpartId: z.string().optional(),
  contextPost: z.object({ externalId: z.string(), text: z.string(), url: z.string().nullable() }).optional(),
});

/** Validates an item read back from `inbound_items` (a job boundary: the row may be old). */
export const inboundItemSchema: z.ZodType<InboundItem> = z.object({
  externalId: z.string().min(1),
  threadKey: z.string().min(1),
  channel: z.enum(['public', 'dm']),
  text: z.string(),
  author: z.object({
    platformUserId: z.string(),
    handle: z.string(),
    name: z.string(),
    avatarUrl: z.string().nullable(),
    followersCount: z.number().nullable(),
    verified: z.boolean(),
  }),
  fromAccount: z.boolean(),
  inReplyToExternalId: z.string().nullable(),
  createdAt: z.string(),
  context: messageContextSchema,
  supersedes: z.array(z.string()).optional(),
  action: z.enum(['edit', 'remove', 'hide', 'unhide']).optional(),
  dedupeKey: z.string().optional(),
  lang: z.string().optional(),
  raw: z.unknown(),
});
