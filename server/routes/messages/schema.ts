import { z } from 'zod';

export const messageParamsSchema = z.object({ id: z.uuid() });
