import { DateTime } from 'luxon';
import { z } from 'zod';
import { minutesOfDay, type Weekday } from '../../../common/businessTime';
import { PLATFORMS, PRIORITIES } from '../../../common/types';

/** A target: 1 minute to 30 days of business time. */
export const MAX_TARGET_MINUTES = 43_200;
const minutes = z.number().int().min(1).max(MAX_TARGET_MINUTES);
const target = z.object({ first: minutes, next: minutes });

export const policyScopeSchema = z
  .object({
    platform: z.enum(PLATFORMS).nullable(),
    channelAccountId: z.uuid().nullable(),
  })
  .refine((s) => s.platform === null || s.channelAccountId === null, {
    message: 'a scope is a platform or an account, not both',
    path: ['platform'],
  });

export const policyRequestSchema = z
  .object({
    platform: z.enum(PLATFORMS).nullable(),
    channelAccountId: z.uuid().nullable(),
    targets: z.object(
      Object.fromEntries(PRIORITIES.map((p) => [p, target])) as Record<
        (typeof PRIORITIES)[number],
        typeof target
      >,
    ),
  })
  .refine((s) => s.platform === null || s.channelAccountId === null, {
    message: 'a scope is a platform or an account, not both',
    path: ['platform'],
  });

export const deleteScopeQuerySchema = z.object({
  platform: z.enum(PLATFORMS).optional(),
  channelAccountId: z.uuid().optional(),
});

/** `default` or a team id. */
export const calendarParamsSchema = z.object({ teamId: z.union([z.literal('default'), z.uuid()]) });
export const holidayParamsSchema = z.object({ id: z.uuid() });

const time = z.string().refine((v) => !Number.isNaN(minutesOfDay(v)), 'use HH:MM (00:00–24:00)');
const interval = z
  .object({
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .transform((n) => n as Weekday),
    start: time,
    end: time,
  })
  .refine((i) => minutesOfDay(i.start) < minutesOfDay(i.end), {
    message: 'an interval must end after it starts (split overnight hours at midnight)',
    path: ['end'],
  });

export const businessHoursSchema = z.object({
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((zone) => DateTime.local().setZone(zone).isValid, 'unknown time zone'),
  intervals: z.array(interval).min(1, 'at least one opening interval').max(70),
});

export const holidaySchema = z.object({
  date: z.iso.date(),
  name: z.string().trim().max(120).default(''),
});
