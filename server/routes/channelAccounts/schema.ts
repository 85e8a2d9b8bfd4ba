import { z } from 'zod';

export const accountParamsSchema = z.object({ id: z.uuid() });

/** What an admin or lead may change; the rest of the settings keep their values. */
export const updateAccountSettingsSchema = z
  .object({
    searchQueries: z.array(z.string().trim().min(1).max(512)).max(10),
    monthlyReadBudget: z.number().int().positive().max(100_000_000),
    postsPer24h: z.number().int().positive().max(100_000),
  })
  .partial()
  .strict();

export const startXOAuthSchema = z.object({}).strict();

export const oauthCallbackQuerySchema = z.object({
  state: z.string().min(1).max(256),
  code: z.string().min(1).max(2048).optional(),
  error: z.string().max(256).optional(),
});

const secret = z.string().trim().min(1).max(512);

/** OAuth 1.0a user keys from the X developer portal (consumer key/secret + access token/secret). */
export const connectXKeysSchema = z
  .object({ appKey: secret, appSecret: secret, accessToken: secret, accessSecret: secret })
  .strict();

export const connectFacebookSchema = z
  .object({
    userToken: z.string().trim().min(1).max(4096),
    pageId: z
      .string()
      .regex(/^\d{1,32}$/)
      .optional(),
  })
  .strict();
