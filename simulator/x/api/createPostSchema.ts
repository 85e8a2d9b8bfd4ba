import { z } from 'zod';
import type { InvalidParameter } from './problems';

const ID = /^[0-9]{1,19}$/;
const id = z.string().regex(ID);

/**
 * Body of POST /2/tweets. Fields the simulator does not act on are still accepted, because the real API
 * accepts them; anything else is refused as X refuses properties its schema does not define.
 */
export const createPostBodySchema = z.strictObject({
  text: z.string().optional(),
  reply: z
    .strictObject({
      in_reply_to_tweet_id: id,
      exclude_reply_user_ids: z.array(id).optional(),
      auto_populate_reply_metadata: z.boolean().optional(),
    })
    .optional(),
  quote_tweet_id: id.optional(),
  media: z.strictObject({ media_ids: z.array(id), tagged_user_ids: z.array(id).optional() }).optional(),
  poll: z.looseObject({}).optional(),
  reply_settings: z.enum(['following', 'mentionedUsers', 'subscribers', 'verified']).optional(),
  geo: z.looseObject({}).optional(),
  for_super_followers_only: z.boolean().optional(),
  nullcast: z.boolean().optional(),
  direct_message_deep_link: z.string().optional(),
  card_uri: z.string().optional(),
  community_id: id.optional(),
  share_with_followers: z.boolean().optional(),
  made_with_ai: z.boolean().optional(),
  paid_partnership: z.boolean().optional(),
});

export type CreatePostBody = z.output<typeof createPostBodySchema>;

/**
 * Zod issues as X's JSON-path errors. The missing-property form is the one the reference records
 * (`$.reply.in_reply_to_tweet_id: is missing but it is required`); the other wordings are UNCONFIRMED.
 */
export function bodyIssuesToXErrors(issues: readonly z.core.$ZodIssue[], body: unknown): InvalidParameter[] {
  const errors: InvalidParameter[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const value = valueAt(body, path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = jsonPath([...path, key]);
        errors.push({
          parameters: { [keyPath]: [stringify(valueAt(body, [...path, key]))] },
          message: `${keyPath}: is not defined in the schema and the schema does not allow additional properties`,
        });
      }
    } else if (issue.code === 'invalid_type' && value === undefined && path.length > 0) {
      const parent = path.slice(0, -1);
      errors.push({
        parameters: { [jsonPath(parent)]: [stringify(valueAt(body, parent))] },
        message: `${jsonPath(path)}: is missing but it is required`,
      });
    } else if (issue.code === 'invalid_type') {
      errors.push({
        parameters: { [jsonPath(path)]: [stringify(value)] },
        message: `${jsonPath(path)}: ${jsonType(value)} found, ${issue.expected} expected`,
      });
    } else {
      errors.push({
        parameters: { [jsonPath(path)]: [stringify(value)] },
        message: `${jsonPath(path)}: ${issue.message}`,
      });
    }
  }
  return errors;
}

function jsonPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${p}`), '$');
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
