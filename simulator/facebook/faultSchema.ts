import { z } from 'zod';
import { FB_ENDPOINTS, FB_LISTING_ENDPOINTS, FB_WEBHOOK_TARGET, type FbEndpoint } from './endpoints';
import {
  FB_CODE_FAULT,
  FB_FIXED_FAULT_KINDS,
  FB_WEBHOOK_FAULT_KINDS,
  type FbFaultKind,
  type FbFaultTarget,
  isListingOnlyKind,
  isWebhookKind,
} from './faults';

/** `POST /_sim/faults` with `platform: "facebook"`. */

const TARGETS: readonly string[] = [...FB_ENDPOINTS, FB_WEBHOOK_TARGET];
const KINDS: readonly string[] = [...FB_FIXED_FAULT_KINDS, ...FB_WEBHOOK_FAULT_KINDS];

export const facebookFaultSchema = z
  .object({
    platform: z.literal('facebook'),
    endpoint: z
      .string()
      .refine(
        (e): e is FbFaultTarget => TARGETS.includes(e),
        `endpoint must be one of: ${TARGETS.join(', ')}`,
      ),
    kind: z
      .string()
      .refine(
        (k): k is FbFaultKind => KINDS.includes(k) || FB_CODE_FAULT.test(k),
        `kind must be one of: ${KINDS.join(', ')}, code:<n> or code:<n>:<subcode>`,
      ),
    count: z.number().int().positive().default(1),
  })
  .superRefine((f, ctx) => {
    const webhook = f.endpoint === FB_WEBHOOK_TARGET;
    if (webhook !== isWebhookKind(f.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `endpoint "webhook" takes exactly the kinds ${FB_WEBHOOK_FAULT_KINDS.join(', ')}`,
      });
    }
    if (isListingOnlyKind(f.kind) && !FB_LISTING_ENDPOINTS.includes(f.endpoint as FbEndpoint)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `${f.kind} only applies to listings: ${FB_LISTING_ENDPOINTS.join(', ')}`,
      });
    }
  })
  .transform((f) => ({ endpoint: f.endpoint as FbFaultTarget, kind: f.kind as FbFaultKind, count: f.count }));
