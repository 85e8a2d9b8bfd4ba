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
  lang: z.string().optional(),
});
export type XPost = z.infer<typeof xPostSchema>;

export const xTimelineSchema = z.looseObject({
  data: z.array(xPostSchema).optional(),
  includes: z
    .looseObject({ users: z.array(xUserSchema).optional(), tweets: z.array(xPostSchema).optional() })
    .optional(),
  meta: z.looseObject({
    result_count: z.number(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().optional(),
  }),
});
export type XTimeline = z.infer<typeof xTimelineSchema>;

export const xMeSchema = z.looseObject({ data: xUserSchema });

export const xCreatedPostSchema = z.looseObject({
  data: z.looseObject({ id: z.string(), text: z.string() }),
});

/** The adapter's poll cursor. */
export const xCursorSchema = z.object({ sinceId: z.string().nullable() });
export type XCursor = z.infer<typeof xCursorSchema>;

export const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang';
export const USER_FIELDS = 'name,username,profile_image_url,verified,public_metrics';
export const EXPANSIONS = 'author_id';

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
