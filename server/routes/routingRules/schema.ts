import { z } from 'zod';
import { PRIORITIES } from '../../../common/types';

const shortText = z.string().trim().min(1).max(100);

export const routingConditionsSchema = z
  .object({
    channelAccountIds: z.array(z.uuid()).max(50),
    languages: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Use a language code like "de" or "en"'),
      )
      .max(20),
    keywords: z.array(shortText).max(100),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    minFollowers: z.number().int().min(0).max(1_000_000_000),
    verified: z.boolean(),
  })
  .partial()
  .strict();

export const routingActionsSchema = z
  .object({
    teamId: z.uuid().nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    addTags: z.array(z.string().trim().min(1).max(40)).max(20),
  })
  .partial()
  .strict()
  .refine((a) => Boolean(a.teamId || a.priority || (a.addTags && a.addTags.length > 0)), {
    message: 'A rule must set a team, a priority or tags',
  });

export const routingRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    enabled: z.boolean().default(true),
    conditions: routingConditionsSchema.default({}),
    actions: routingActionsSchema,
  })
  .strict();

export const routingRulePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    enabled: z.boolean(),
    conditions: routingConditionsSchema,
    actions: routingActionsSchema,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });

export const reorderSchema = z.object({ ids: z.array(z.uuid()).max(500) }).strict();

export const dryRunSchema = z
  .object({
    rules: z.array(routingRuleInputSchema).max(200),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const ruleParamsSchema = z.object({ id: z.uuid() });
