import { z } from 'zod';

/** X API v2 response shapes we rely on (shared/reference/channel-apis.md §2). Unknown keys pass. */
export const xUserSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  profile_image_url: z.string().optional(),
  verified: z.boolean().optional(),
  public_metrics: z.looseObject({ followers_count: z.number().optional() }).optional(),
});
export type XUser = z.infer<typeof xUserSchema>;

const span = { start: z.number(), end: z.number() };
export const xEntitiesSchema = z.looseObject({
  urls: z
    .array(
      z.looseObject({
        ...span,
        url: z.string(),
        expanded_url: z.string().optional(),
        display_url: z.string().optional(),
      }),
    )
    .optional(),
  mentions: z.array(z.looseObject({ ...span, username: z.string() })).optional(),
  hashtags: z.array(z.looseObject({ ...span, tag: z.string() })).optional(),
});

export const xPostSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z
    .array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: z.string() }))
    .optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  entities: xEntitiesSchema.optional(),
  lang: z.string().optional(),
  edit_history_tweet_ids: z.array(z.string()).optional(),
});
export type XPost = z.infer<typeof xPostSchema>;

export const xMediaSchema = z.looseObject({
  media_key: z.string(),
  type: z.enum(['photo', 'video', 'animated_gif']),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  alt_text: z.string().optional(),
});
export type XMedia = z.infer<typeof xMediaSchema>;

const includesSchema = z
  .looseObject({
    users: z.array(xUserSchema).optional(),
    tweets: z.array(xPostSchema).optional(),
    media: z.array(xMediaSchema).optional(),
  })
  .optional();
export type XIncludes = z.infer<typeof includesSchema>;

export const xTimelineSchema = z.looseObject({
  data: z.array(xPostSchema).optional(),
  includes: includesSchema,
  meta: z.looseObject({
    result_count: z.number(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().optional(),
  }),
});
export type XTimeline = z.infer<typeof xTimelineSchema>;

export const xDmEventSchema = z.looseObject({
  id: z.string(),
  event_type: z.string(),
  text: z.string().optional(),
  sender_id: z.string().optional(),
  dm_conversation_id: z.string().optional(),
  created_at: z.string().optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
});
export type XDmEvent = z.infer<typeof xDmEventSchema>;

export const xDmEventsSchema = z.looseObject({
  data: z.array(xDmEventSchema).optional(),
  includes: includesSchema,
  meta: z.looseObject({ result_count: z.number(), next_token: z.string().optional() }),
});
export type XDmEvents = z.infer<typeof xDmEventsSchema>;

export const xMeSchema = z.looseObject({ data: xUserSchema });

export const xCreatedPostSchema = z.looseObject({
  data: z.looseObject({ id: z.string(), text: z.string() }),
});

export const xCreatedDmSchema = z.looseObject({
  data: z.looseObject({ dm_conversation_id: z.string(), dm_event_id: z.string() }),
});

/** Cursor of a since_id stream; `checkpoints` remember where we were, to re-read an overlap window. */
export const xSinceCursorSchema = z.object({
  sinceId: z.string().nullable(),
  checkpoints: z.array(z.object({ id: z.string(), at: z.number() })).default([]),
});
export type XSinceCursor = z.infer<typeof xSinceCursorSchema>;

export const xDmCursorSchema = z.object({ newestId: z.string().nullable() });

export const TWEET_FIELDS =
  'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,entities,attachments';
export const USER_FIELDS = 'name,username,profile_image_url,verified,public_metrics';
export const MEDIA_FIELDS = 'url,preview_image_url,type,width,height,alt_text';
export const EXPANSIONS =
  'author_id,attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id';
export const DM_FIELDS = 'id,text,event_type,created_at,sender_id,dm_conversation_id,attachments';
export const DM_EXPANSIONS = 'sender_id,attachments.media_keys';

/** Stored (decrypted) X credentials: an OAuth 2.0 user token or OAuth 1.0a user keys. */
export const xCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('oauth2'), accessToken: z.string().min(1) }),
  z.object({
    kind: z.literal('oauth1'),
    appKey: z.string().min(1),
    appSecret: z.string().min(1),
    accessToken: z.string().min(1),
    accessSecret: z.string().min(1),
  }),
]);
