import { z } from 'zod';
import { INBOX_VIEWS, PRIORITIES } from '../../../common/types';

export const listConversationsSchema = z.object({
  status: z.enum(INBOX_VIEWS).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const conversationParamsSchema = z.object({ id: z.uuid() });

export const updateConversationSchema = z
  .object({
    status: z.enum(['open', 'pending', 'resolved']),
    priority: z.enum(PRIORITIES),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
  })
  .partial()
  .strict();

export const assignSchema = z.object({ assigneeId: z.uuid().nullable() });

export const createNoteSchema = z.object({ text: z.string().min(1).max(10_000) });

export const createReplySchema = z.object({
  text: z.string().min(1).max(10_000),
  channel: z.enum(['public', 'dm', 'private_reply']).default('public'),
  takeover: z.boolean().default(false),
  idempotencyKey: z.string().min(8).max(100),
});
