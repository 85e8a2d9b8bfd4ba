import { z } from 'zod';
import { INBOX_VIEWS, LIST_SORTS } from '../../../common/types';
import { conversationFiltersSchema } from '../conversations/schema';

export const createSavedFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    view: z.enum(INBOX_VIEWS),
    sort: z.enum(LIST_SORTS),
    filters: conversationFiltersSchema.strict(),
  })
  .strict();

export const savedFilterParamsSchema = z.object({ id: z.uuid() });
