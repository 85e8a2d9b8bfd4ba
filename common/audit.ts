/** Audit log (issue 7, point 5): shared between the server's routes and the admin screen. */

/** Actions recorded directly by the server; conversation events are mirrored with their own type. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'user.invited',
  'user.invite_accepted',
  'user.role_changed',
  'user.teams_changed',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'channel.connected',
  // Recorded by the channel-connection work (disconnect lives there), listed so the filter offers it.
  'channel.disconnected',
  'reply.queued',
  'reply.drafted',
  'reply.approved',
  'reply.edited_on_approval',
  'reply.rejected',
  'message.deleted',
  'message.hidden',
  'message.unhidden',
  'conversation.takeover',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorKind = 'user' | 'customer' | 'system' | 'anonymous';

export interface AuditEntryDto {
  id: string;
  at: string;
  actorUserId: string | null;
  actorKind: AuditActorKind;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
}

export interface AuditPageResponse {
  entries: AuditEntryDto[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
