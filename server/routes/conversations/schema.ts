import { z } from 'zod';

export const listConversationsSchema = z.object({
  status: z.enum(['open', 'pending', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const conversationParamsSchema = z.object({ id: z.uuid() });

export const updateConversationSchema = z.object({
  status: z.enum(['open', 'pending', 'resolved']),
});

export const createReplySchema = z.object({
  text: z.string().min(1).max(10_000),
  channel: z.enum(['public', 'dm', 'private_reply']).default('public'),
  idempotencyKey: z.string().min(8).max(100),
});
