import type { Role } from './types';

/** Who writes drafts instead of replies: community guides always, trainees by their flag. */
export function requiresApproval(user: { role: Role; needsApproval: boolean }): boolean {
  return user.role === 'guide' || user.needsApproval;
}

/**
 * Who may approve or reject a draft: agents, leads and admins who do not need approval themselves,
 * and never the draft's own author.
 */
export function mayApprove(
  user: { id: string; role: Role; needsApproval: boolean },
  draftAuthorId: string | null,
): boolean {
  if (requiresApproval(user)) return false;
  return user.id !== draftAuthorId;
}

/** Longest rejection reason the author is shown. */
export const REJECT_REASON_MAX = 500;
