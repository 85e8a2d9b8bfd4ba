import type { Request } from 'express';
import type { Knex } from 'knex';
import { type AuditEntryInput, insertAuditEntry } from '../db/repositories/auditLog';

/** Who did it from where, taken from the request (express honours `trust proxy` for the ip). */
export function requestOrigin(req: Request): { ip: string | null; userAgent: string | null } {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

/**
 * Appends an entry to the audit log. Pass the transaction that makes the change, so the change and its
 * record commit together; a failure to record fails the action (never swallowed).
 */
export async function recordAudit(
  db: Knex | Knex.Transaction,
  entry: AuditEntryInput,
  req?: Request,
): Promise<void> {
  await insertAuditEntry(db, req ? { ...requestOrigin(req), ...entry } : entry);
}

/** The audit entry of a login attempt: the user on success; the email tried (and no actor) on failure. */
export function loginAuditEntry(ok: boolean, userId: string | undefined, email: string): AuditEntryInput {
  return ok
    ? {
        actorUserId: userId ?? null,
        actorKind: 'user',
        action: 'auth.login',
        targetType: 'user',
        targetId: userId ?? null,
      }
    : {
        actorKind: 'anonymous',
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: userId ?? null,
        data: { email: email.slice(0, 320) },
      };
}
