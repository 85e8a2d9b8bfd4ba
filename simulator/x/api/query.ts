import { z } from 'zod';
import { DM_EVENT_TYPES } from '../dms';
import {
  DM_EVENT_FIELDS,
  DM_EXPANSIONS,
  MEDIA_FIELDS,
  TWEET_EXPANSIONS,
  TWEET_FIELDS,
  USER_EXPANSIONS,
  USER_FIELDS,
} from './fields';
import type { InvalidParameter } from './problems';

/**
 * Query validation for the v2 read endpoints. Messages follow X's pattern
 * ("The `max_results` query parameter value [200] is not between 5 and 100"); `{value}` is filled in
 * with what the client sent. UNCONFIRMED: wording other than the max_results and unknown-parameter ones.
 */

const ID_PATTERN = /^[0-9]{1,19}$/;
const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function idParam(name: string) {
  return z
    .string()
    .regex(ID_PATTERN, `The \`${name}\` query parameter value [{value}] does not match ^[0-9]{1,19}$`);
}

function timeParam(name: string) {
  return z
    .string()
    .regex(TIME_PATTERN, `The \`${name}\` query parameter value [{value}] is not a valid RFC 3339 time`)
    .refine(
      (v) => !Number.isNaN(Date.parse(v)),
      `The \`${name}\` query parameter value [{value}] is not a valid time`,
    )
    .transform((v) => Date.parse(v));
}

function listParam(name: string, allowed: readonly string[]) {
  const message = `The \`${name}\` query parameter value [{value}] is not one of [${allowed.join(',')}]`;
  return z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .refine((names) => names.every((n) => allowed.includes(n)), message)
    .transform((names) => new Set(names));
}

function maxResultsParam(min: number, max: number) {
  const message = `The \`max_results\` query parameter value [{value}] is not between ${min} and ${max}`;
  return z
    .string()
    .regex(/^-?\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

// Fields the simulator accepts but has nothing to render for (no polls or places exist here).
const ignoredList = z.string();

const tweetReadParams = {
  expansions: listParam('expansions', TWEET_EXPANSIONS).optional(),
  'tweet.fields': listParam('tweet.fields', TWEET_FIELDS).optional(),
  'user.fields': listParam('user.fields', USER_FIELDS).optional(),
  'media.fields': listParam('media.fields', MEDIA_FIELDS).optional(),
  'place.fields': ignoredList.optional(),
  'poll.fields': ignoredList.optional(),
};

function tokenParam(name: string) {
  return z.string().min(1, `The \`${name}\` query parameter value [{value}] is not valid`);
}

const timelineParams = {
  ...tweetReadParams,
  since_id: idParam('since_id').optional(),
  until_id: idParam('until_id').optional(),
  max_results: maxResultsParam(5, 100).optional(),
  pagination_token: tokenParam('pagination_token').optional(),
  start_time: timeParam('start_time').optional(),
  end_time: timeParam('end_time').optional(),
};

export const mentionsQuerySchema = z.strictObject({
  ...timelineParams,
  // The newest openapi renames tweet.fields to post.fields for this endpoint only.
  'post.fields': listParam('post.fields', TWEET_FIELDS).optional(),
});

export const userTweetsQuerySchema = z.strictObject({
  ...timelineParams,
  exclude: listParam('exclude', ['replies', 'retweets']).optional(),
});

/**
 * Recent search pages with `next_token`, not `pagination_token` (reference: twitter-api-v2 sends next_token).
 * The query itself is checked by the search parser; only its presence and length are checked here.
 * UNCONFIRMED: the wording of the missing-query and too-long messages.
 */
export function searchQuerySchema(maxQueryLength: number) {
  return z.strictObject({
    ...tweetReadParams,
    query: z
      .string({ error: 'The `query` query parameter can not be empty' })
      .min(1, 'The `query` query parameter can not be empty')
      .max(
        maxQueryLength,
        `The \`query\` query parameter value [{value}] is not between 1 and ${maxQueryLength} characters long`,
      ),
    since_id: idParam('since_id').optional(),
    until_id: idParam('until_id').optional(),
    max_results: maxResultsParam(10, 100).optional(),
    next_token: tokenParam('next_token').optional(),
    start_time: timeParam('start_time').optional(),
    end_time: timeParam('end_time').optional(),
    // UNCONFIRMED: relevancy order is not modelled; both orders return newest first.
    sort_order: z
      .enum(
        ['recency', 'relevancy'],
        'The `sort_order` query parameter value [{value}] is not one of [recency,relevancy]',
      )
      .optional(),
  });
}

export const dmEventsQuerySchema = z.strictObject({
  'dm_event.fields': listParam('dm_event.fields', DM_EVENT_FIELDS).optional(),
  event_types: listParam('event_types', DM_EVENT_TYPES).optional(),
  expansions: listParam('expansions', DM_EXPANSIONS).optional(),
  max_results: maxResultsParam(1, 100).optional(),
  pagination_token: tokenParam('pagination_token').optional(),
  'media.fields': listParam('media.fields', MEDIA_FIELDS).optional(),
  'tweet.fields': listParam('tweet.fields', TWEET_FIELDS).optional(),
  'user.fields': listParam('user.fields', USER_FIELDS).optional(),
});

export const meQuerySchema = z.strictObject({
  expansions: listParam('expansions', USER_EXPANSIONS).optional(),
  'tweet.fields': listParam('tweet.fields', TWEET_FIELDS).optional(),
  'user.fields': listParam('user.fields', USER_FIELDS).optional(),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: InvalidParameter[] };

/** Validates a query object and turns zod issues into X's invalid-request error entries. */
export function parseXQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, unknown>,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(query);
  if (result.success) return { ok: true, value: result.data };
  const allowed = schemaKeys(schema);
  const errors: InvalidParameter[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          parameters: { [key]: [rawValue(query[key])] },
          message: `The query parameter [${key}] is not one of [${allowed.join(',')}]`,
        });
      }
      continue;
    }
    const name = String(issue.path[0] ?? '');
    const value = rawValue(query[name]);
    // Messages written in X's words ("The `name` query parameter …") are used as they are.
    const message = issue.message.startsWith('The `')
      ? issue.message.replaceAll('{value}', value)
      : `The \`${name}\` query parameter value [${value}] is not valid`;
    errors.push({ parameters: { [name]: [value] }, message });
  }
  return { ok: false, errors };
}

export function parsePathId(param: string, value: string): InvalidParameter | null {
  if (ID_PATTERN.test(value)) return null;
  return {
    parameters: { [param]: [value] },
    message: `The \`${param}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`,
  };
}

function schemaKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function rawValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value ?? '');
}
