import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../common/types';
import { ForbiddenError } from '../errors';

const ALL: readonly Role[] = ['admin', 'lead', 'agent', 'guide'];
const STAFF: readonly Role[] = ['admin', 'lead', 'agent'];
const MANAGERS: readonly Role[] = ['admin', 'lead'];
const ADMINS: readonly Role[] = ['admin'];

/**
 * What each role may do. Guides (community superusers) work conversations but their replies are
 * drafts that need approval (see common/approval.ts); they do not moderate or review drafts.
 */
export const PERMISSIONS = {
  /** Read conversations, messages, contacts, search, counts (limited to visible channel accounts). */
  'conversation.read': ALL,
  /** Claim, assign, tag, prioritise, snooze, resolve, note, bulk actions. */
  'conversation.work': ALL,
  /** Write a reply (a guide's reply becomes a draft). */
  'conversation.reply': ALL,
  /** Hide, unhide, delete a customer's comment. */
  'message.moderate': STAFF,
  /** List, approve and reject drafts awaiting approval. */
  'draft.review': STAFF,
  /** One's own profile, notifications, saved filters, availability, presence, uploads. */
  'self.manage': ALL,
  /** Colleagues, teams and channel accounts by name (for assigning and filtering). */
  'directory.read': ALL,
  'canned.read': ALL,
  'canned.manage': MANAGERS,
  'dashboard.read': MANAGERS,
  'reports.read': MANAGERS,
  'sla.read': MANAGERS,
  'sla.manage': ADMINS,
  'routing.read': MANAGERS,
  'routing.manage': ADMINS,
  'channelAccount.configure': MANAGERS,
  /** See every channel account's conversations, whatever the user's teams. */
  'accounts.all': MANAGERS,
  'settings.manage': ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(user: { role: string }, action: Action): boolean {
  return (PERMISSIONS[action] as readonly string[]).includes(user.role);
}

/** Throws 403 unless the signed-in user's role grants the action. */
export function assertCan(user: { role: string } | undefined, action: Action): void {
  if (!user || !can(user, action)) throw new ForbiddenError(`Not permitted: ${action}`);
}

/** Route-level guard: `router.get('/', requirePermission('reports.read'), handler)`. */
export function requirePermission(action: Action) {
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      assertCan(req.user, action);
      next();
    } catch (error) {
      next(error);
    }
  };
}
