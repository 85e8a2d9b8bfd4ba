import { z } from 'zod';
import { invalidParameter } from '../errors';
import { parseTimeParam } from '../format';
import { raise } from './context';

/**
 * Listing parameters, from the query string or from an edge's modifiers (`comments.limit(5)`).
 * UNCONFIRMED: the wording of the (#100) answers to bad values.
 */

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 25;

// UNCONFIRMED: Graph silently caps limit at 100 on these endpoints rather than refusing more.
const limit = z
  .string()
  .regex(/^\d+$/, 'param limit must be a non-negative integer')
  .transform((v) => Math.min(MAX_LIMIT, Number(v)));

const time = (name: string) =>
  z
    .string()
    .transform((v) => parseTimeParam(v))
    .refine((v): v is number => v !== null, `param ${name} must be a unix timestamp or a date`);

const cursor = z.string().min(1);

const boolish = z
  .string()
  .transform((v) => v.toLowerCase())
  .refine((v) => ['true', 'false', '1', '0'].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1');

const oneOf = <T extends string>(name: string, values: readonly T[]) =>
  z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v): v is T => (values as readonly string[]).includes(v), {
      error: (issue) =>
        `param ${name} must be one of {${values.map((v) => v.toUpperCase()).join(', ')}} - got "${String(issue.input)}"`,
    });

const listShape = {
  limit: limit.optional(),
  after: cursor.optional(),
  before: cursor.optional(),
  since: time('since').optional(),
  until: time('until').optional(),
};

export const postsParamsSchema = z.object({ ...listShape, include_hidden: boolish.optional() });

export const commentsParamsSchema = z.object({
  ...listShape,
  filter: oneOf('filter', ['toplevel', 'stream'] as const).optional(),
  order: oneOf('order', ['chronological', 'reverse_chronological'] as const).optional(),
  summary: boolish.optional(),
});

export const conversationsParamsSchema = z.object({
  ...listShape,
  platform: oneOf('platform', ['messenger', 'instagram'] as const).optional(),
  user_id: z.string().regex(/^\d+$/, 'param user_id must be a PSID').optional(),
});

export const messagesParamsSchema = z.object(listShape);

/** Parses string parameters (non-strings are ignored: the schemas only read strings), answering (#100). */
export function parseParams<S extends z.ZodType>(schema: S, source: Record<string, unknown>): z.output<S> {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (typeof value === 'string') strings[key] = value;
  const parsed = schema.safeParse(strings);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'parameter');
  raise(
    invalidParameter(issue.message.startsWith('param ') ? issue.message : `param ${name} ${issue.message}`),
  );
}
