import { z } from 'zod';

/**
 * Per-account settings chosen by an admin. X bills every read (pay-per-use since 2026), so each
 * account has a monthly read budget, split between the streams; defaults are conservative.
 */
export const accountSettingsSchema = z.object({
  searchQueries: z.array(z.string().trim().min(1).max(512)).max(10).default([]),
  monthlyReadBudget: z.number().int().positive().default(150_000),
  budgetSplit: z
    .object({
      mentions: z.number().min(0).max(1),
      own: z.number().min(0).max(1),
      dms: z.number().min(0).max(1),
      search: z.number().min(0).max(1),
    })
    .default({ mentions: 0.6, own: 0.1, dms: 0.1, search: 0.2 }),
  /** Outbound posts per 24 h (X: 100 per user per 24 h, another page says 200 — UNCONFIRMED). */
  postsPer24h: z.number().int().positive().default(100),
  pollMinIntervalMs: z.number().int().min(1000).default(5000),
  pollMaxIntervalMs: z.number().int().min(1000).default(120_000),
  /** X allows 15 DM-event reads per 15 minutes per user: one a minute at most. */
  dmPollMinIntervalMs: z.number().int().min(1000).default(60_000),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

export function parseAccountSettings(value: unknown): AccountSettings {
  return accountSettingsSchema.parse(value ?? {});
}

/** Measured per-account state: reads this month and each stream's schedule. */
export const streamStateSchema = z.object({
  intervalMs: z.number(),
  nextPollAt: z.number(),
  failures: z.number().default(0),
  lastError: z.string().nullable().default(null),
});
export type StreamState = z.infer<typeof streamStateSchema>;

export const accountUsageSchema = z.object({
  month: z.string().default(''),
  reads: z.record(z.string(), z.number()).default({}),
  streams: z.record(z.string(), streamStateSchema).default({}),
  /** Poll lease: one poller per account at a time, across processes. */
  leaseUntil: z.number().default(0),
});
export type AccountUsage = z.infer<typeof accountUsageSchema>;

export function parseAccountUsage(value: unknown): AccountUsage {
  return accountUsageSchema.parse(value ?? {});
}
