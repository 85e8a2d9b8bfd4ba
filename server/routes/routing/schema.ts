import { z } from 'zod';
import { ASSIGNMENT_MODES, AVAILABILITIES } from '../../../common/routing';

export const teamSettingsSchema = z
  .object({
    assignmentMode: z.enum(ASSIGNMENT_MODES),
    awayTimeoutMinutes: z.number().int().min(1).max(1440),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });

export const capacitySchema = z.object({ capacity: z.number().int().min(0).max(1000) }).strict();
export const availabilitySchema = z.object({ availability: z.enum(AVAILABILITIES) }).strict();
export const idParamsSchema = z.object({ id: z.uuid() });
