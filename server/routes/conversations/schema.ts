import { z } from 'zod';
import { SLA_STATES } from '../../../common/sla';
import { INBOX_VIEWS, LIST_SORTS, PLATFORMS, PRIORITIES } from '../../../common/types';

/** Filters on top of a view (query string or a saved filter's body); unknown keys are refused. */
export const conversationFiltersSchema = z
  .object({
    platform: z.enum(PLATFORMS),
    channelAccountId: z.uuid(),
    tag: z.string().trim().min(1).max(40),
    priority: z.enum(PRIORITIES),
    language: z.string().regex(/^[a-z]{2,3}$/, 'a language code such as "de"'),
    waitingMinutes: z.coerce.number().int().min(0).max(525_600),
    sla: z.enum(SLA_STATES),
  })
  .partial();

export const listConversationsSchema = conversationFiltersSchema.extend({
  status: z.enum(INBOX_VIEWS).default('open'),
  sort: z.enum(LIST_SORTS).optional(),
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

/** Assign to an agent (`assigneeId`), to a team (`teamId`), or both; null clears. */
export const assignSchema = z
  .object({ assigneeId: z.uuid().nullable(), teamId: z.uuid().nullable() })
  .partial()
  .strict()
  .refine((body) => body.assigneeId !== undefined || body.teamId !== undefined, {
    message: 'Give assigneeId, teamId or both',
  });

export const createNoteSchema = z.object({ text: z.string().min(1).max(10_000) });

export const createReplySchema = z.object({
  text: z.string().min(1).max(10_000),
  channel: z.enum(['public', 'dm', 'private_reply']).default('public'),
  takeover: z.boolean().default(false),
  idempotencyKey: z.string().min(8).max(100),
  attachmentId: z.uuid().optional(),
});

const tagSchema = z.string().trim().min(1).max(40);

/** Bulk actions and undo: up to 200 conversations, each with its own changes (undo restores per row). */
export const bulkSchema = z
  .object({
    operations: z
      .array(
        z
          .object({
            id: z.uuid(),
            expectVersion: z.number().int().min(1).optional(),
            changes: z
              .object({
                assigneeId: z.uuid().nullable(),
                teamId: z.uuid().nullable(),
                status: z.enum(['open', 'pending', 'resolved']),
                priority: z.enum(PRIORITIES),
                tags: z.array(tagSchema).max(20),
                addTags: z.array(tagSchema).min(1).max(20),
                snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
              })
              .partial()
              .strict()
              .refine((c) => Object.keys(c).length > 0, { message: 'Nothing to change' })
              .refine((c) => c.tags === undefined || c.addTags === undefined, {
                message: 'Give tags or addTags, not both',
              }),
          })
          .strict(),
      )
      .min(1)
      .max(200)
      .refine((ops) => new Set(ops.map((op) => op.id)).size === ops.length, {
        message: 'Each conversation at most once',
      }),
  })
  .strict();
