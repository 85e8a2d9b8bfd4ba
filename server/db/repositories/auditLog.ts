import type { Knex } from 'knex';
import type { AuditActorKind, AuditEntryDto } from '../../../common/audit';

export interface AuditEntryInput {
  actorUserId?: string | null;
  actorKind: AuditActorKind;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one entry. There is deliberately no update or delete here (and the table refuses both). */
export async function insertAuditEntry(db: Knex | Knex.Transaction, e: AuditEntryInput): Promise<void> {
  await db('audit_log').insert({
    actor_user_id: e.actorUserId ?? null,
    actor_kind: e.actorKind,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId ?? null,
    ip: e.ip ?? null,
    user_agent: e.userAgent ? e.userAgent.slice(0, 512) : null,
    data: e.data ?? {},
  });
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Plain text, matched case-insensitively in action, target, ip, user agent, data and actor. */
  text?: string | undefined;
  /** Keyset: entries recorded before this id (ids grow in insertion order). */
  beforeId?: string | undefined;
  limit: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_kind: AuditActorKind;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  data: Record<string, unknown>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, keyset-paged on id; returns at most `limit` entries. */
export async function searchAuditLog(db: Knex, f: AuditFilter): Promise<AuditEntryDto[]> {
  const q = db('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select('a.*', 'u.name as actor_name')
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.actorUserId) q.where('a.actor_user_id', f.actorUserId);
  if (f.action) q.where('a.action', f.action);
  if (f.from) q.where('a.at', '>=', f.from);
  if (f.to) q.where('a.at', '<', f.to);
  if (f.beforeId) q.where('a.id', '<', f.beforeId);
  if (f.text) {
    const like = `%${escapeLike(f.text)}%`;
    q.where((w) =>
      w
        .whereRaw('a.action ilike ?', [like])
        .orWhereRaw('a.target_id ilike ?', [like])
        .orWhereRaw('a.ip ilike ?', [like])
        .orWhereRaw('a.user_agent ilike ?', [like])
        .orWhereRaw('a.data::text ilike ?', [like])
        .orWhereRaw('u.name ilike ?', [like])
        .orWhereRaw('u.email ilike ?', [like]),
    );
  }
  const rows: AuditRow[] = await q;
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorKind: r.actor_kind,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    userAgent: r.user_agent,
    data: r.data,
  }));
}
