import { z } from 'zod';

export const passwordResetParamsSchema = z.object({ id: z.uuid() });
