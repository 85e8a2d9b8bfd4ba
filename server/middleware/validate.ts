import type { z } from 'zod';
import { ValidationError } from '../errors';

/** Parses input with a zod schema; the first problem becomes a 400 naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new ValidationError(
      field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'),
      field,
    );
  }
  return result.data;
}
