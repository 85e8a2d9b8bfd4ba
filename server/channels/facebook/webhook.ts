import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { InboundItem } from '../adapter';
import { normaliseFbComment } from './normalise';

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`, compared in constant time. */
export function verifyFbSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const feedValueSchema = z.looseObject({
  item: z.string(),
  verb: z.string(),
  comment_id: z.string().optional(),
  post_id: z.string().optional(),
  parent_id: z.string().optional(),
  from: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  message: z.string().optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
});

const messagingSchema = z.looseObject({
  sender: z.looseObject({ id: z.string() }),
  recipient: z.looseObject({ id: z.string() }),
  timestamp: z.number(),
  message: z
    .looseObject({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional() })
    .optional(),
});

export const fbWebhookSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).optional(),
      messaging: z.array(z.unknown()).optional(),
    }),
  ),
});
export type FbWebhook = z.infer<typeof fbWebhookSchema>;

const VERB_ACTION: Record<string, InboundItem['action'] | 'add'> = {
  add: 'add',
  edit: 'edit',
  edited: 'edit',
  remove: 'remove',
  delete: 'remove',
  hide: 'hide',
  unhide: 'unhide',
};

const toIso = (t: number | string | undefined, fallback: number) =>
  new Date(t === undefined ? fallback : typeof t === 'number' ? t * 1000 : t).toISOString();

/**
 * Webhook entries as inbound items for one page. Comments whose post we do not know get the post
 * id as context; unknown fields and verbs are skipped (logged by the caller). Redeliveries are
 * harmless: every item has a stable dedupe key.
 */
export function itemsFromWebhookEntry(
  entry: FbWebhook['entry'][number],
  pageId: string,
): { items: InboundItem[]; skipped: number } {
  const items: InboundItem[] = [];
  let skipped = 0;
  for (const change of entry.changes ?? []) {
    const value = feedValueSchema.safeParse(change.value);
    const action = value.success ? VERB_ACTION[value.data.verb] : undefined;
    if (
      change.field !== 'feed' ||
      !value.success ||
      value.data.item !== 'comment' ||
      !value.data.comment_id ||
      !action
    ) {
      skipped++;
      continue;
    }
    const v = value.data;
    const createdAt = toIso(v.created_time, (entry.time ?? 0) * 1000);
    const parent = v.parent_id && v.parent_id !== v.post_id ? { id: v.parent_id } : undefined;
    const item = normaliseFbComment(
      {
        id: v.comment_id!,
        message: v.message ?? '',
        created_time: createdAt,
        ...(v.from ? { from: v.from } : {}),
        ...(parent ? { parent } : {}),
      },
      { externalId: v.post_id ?? '', text: '', url: null },
      pageId,
    );
    if (action === 'add') items.push(item);
    else items.push({ ...item, action, dedupeKey: `${v.comment_id}#${action}@${createdAt}` });
  }
  for (const raw of entry.messaging ?? []) {
    const m = messagingSchema.safeParse(raw);
    if (!m.success || !m.data.message) {
      skipped++;
      continue;
    }
    const { sender, recipient, timestamp, message } = m.data;
    const echo = message.is_echo === true || sender.id === pageId;
    const psid = echo ? recipient.id : sender.id;
    items.push({
      externalId: message.mid,
      threadKey: `fbm:${psid}`,
      channel: 'dm',
      text: message.text ?? '',
      author: {
        platformUserId: sender.id,
        handle: '',
        name: '',
        avatarUrl: null,
        followersCount: null,
        verified: false,
      },
      fromAccount: echo,
      inReplyToExternalId: null,
      createdAt: new Date(timestamp).toISOString(),
      context: { media: [], entities: null, quoted: null, url: null, counterpartId: psid },
      raw,
    });
  }
  return { items, skipped };
}
