import { z } from 'zod';

export const messageParamsSchema = z.object({ id: z.uuid() });

export const moderationSchema = z.object({ action: z.enum(['hide', 'unhide', 'delete']) });
