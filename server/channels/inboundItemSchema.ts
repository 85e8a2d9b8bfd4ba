import { z } from 'zod';
import type { InboundItem } from './adapter';

/** Validates an item read back from `inbound_items` (a job boundary: the row may be old). */
export const inboundItemSchema: z.ZodType<InboundItem> = z.object({
  externalId: z.string().min(1),
  threadKey: z.string().min(1),
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
  raw: z.unknown(),
});
