import { z } from 'zod';
import { REJECT_REASON_MAX } from '../../../common/approval';

export const messageParamsSchema = z.object({ id: z.uuid() });

export const moderationSchema = z.object({ action: z.enum(['hide', 'unhide', 'delete']) });

/** Approve a draft as written, or with the approver's edit (same limits as any reply, checked in the service). */
export const approveDraftSchema = z.object({ text: z.string().min(1).max(10_000).optional() }).strict();

export const rejectDraftSchema = z
  .object({ reason: z.string().trim().min(1).max(REJECT_REASON_MAX) })
  .strict();

export const pendingDraftsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
