import { z } from 'zod';

/** Graph API shapes we rely on (channel-apis.md §6). Unknown keys pass. */
const from = z.looseObject({ id: z.string(), name: z.string().optional() });

export const pagingSchema = z
  .looseObject({
    cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
    next: z.string().optional(),
    previous: z.string().optional(),
  })
  .optional();

export const fbPostSchema = z.looseObject({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  updated_time: z.string().optional(),
  permalink_url: z.string().optional(),
});
export type FbPost = z.infer<typeof fbPostSchema>;

export const fbCommentSchema = z.looseObject({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: from.optional(),
  parent: z.looseObject({ id: z.string() }).optional(),
  is_hidden: z.boolean().optional(),
  permalink_url: z.string().optional(),
  attachment: z
    .looseObject({
      type: z.string().optional(),
      url: z.string().optional(),
      media: z
        .looseObject({
          image: z
            .looseObject({ src: z.string(), width: z.number().optional(), height: z.number().optional() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
export type FbComment = z.infer<typeof fbCommentSchema>;

export const fbListSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), paging: pagingSchema });

export const fbConversationSchema = z.looseObject({
  id: z.string(),
  updated_time: z.string(),
  participants: z.looseObject({ data: z.array(from) }).optional(),
});

export const fbMessageSchema = z.looseObject({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: from.optional(),
  to: z.looseObject({ data: z.array(from) }).optional(),
});
export type FbMessage = z.infer<typeof fbMessageSchema>;

/** A conversation with its newest messages (the `messages` edge asked for as a field). */
export const fbConversationMessagesSchema = z.looseObject({
  id: z.string(),
  messages: z.looseObject({ data: z.array(fbMessageSchema) }).optional(),
});
/** A comment's private reply, if the Page sent one (`private_reply_conversation`). */
export const fbPrivateReplySchema = z.looseObject({
  id: z.string(),
  private_reply_conversation: fbConversationMessagesSchema.optional(),
});

export const fbIdSchema = z.looseObject({ id: z.string() });
export const fbMeSchema = z.looseObject({ id: z.string(), name: z.string() });
export const fbSuccessSchema = z.looseObject({ success: z.boolean().optional() });
export const fbSendSchema = z.looseObject({ recipient_id: z.string().optional(), message_id: z.string() });

/** Feed stream cursor: per post, when we last read its comments and when it last had activity. */
export const fbFeedCursorSchema = z.object({
  posts: z
    .record(
      z.string(),
      z.object({
        checkedAt: z.number(),
        lastCommentAt: z.number(),
        activeAt: z.number(),
        message: z.string(),
        url: z.string().nullable(),
      }),
    )
    .default({}),
});
export type FbFeedCursor = z.infer<typeof fbFeedCursorSchema>;

/** Messenger stream cursor: per conversation, the newest message time read. */
export const fbMessengerCursorSchema = z.object({
  conversations: z.record(z.string(), z.number()).default({}),
});

/** Stored (decrypted) Facebook credentials. */
export const fbCredentialsSchema = z.object({ kind: z.literal('page'), pageToken: z.string().min(1) });
export type FbCredentials = z.infer<typeof fbCredentialsSchema>;
