import { z } from 'zod';
import { PLACEHOLDER_NAMES, unknownPlaceholders } from '../../../common/placeholders';

export const cannedParamsSchema = z.object({ id: z.uuid() });

export const listCannedSchema = z.object({ q: z.string().trim().max(100).optional() });

const body = z
  .string()
  .trim()
  .min(1)
  .max(5000)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')}; known are ${PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(', ')}`,
      });
    }
  });

const fields = {
  // Typed after ";" in the composer: lower-case letters, digits, "-" and "_".
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use 1–40 lower-case letters, digits, "-" or "_"'),
  title: z.string().trim().min(1).max(120),
  body,
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/, 'a two-letter language code such as "en" or "de"'),
  teamId: z.uuid().nullable(),
};

export const createCannedSchema = z.strictObject({ ...fields, teamId: fields.teamId.default(null) });

export const updateCannedSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
