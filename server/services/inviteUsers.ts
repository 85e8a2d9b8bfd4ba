import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { AcceptInviteRequest, InviteRequest, InviteResponse } from '../../common/userManagement';
import { hashPassword } from '../auth/passwords';
import {
  emailTaken,
  findUsableInvite,
  insertInvite,
  insertInvitedUser,
  markInviteUsed,
  setUserTeams,
  toPendingInvite,
  unknownTeamIds,
} from '../db/repositories/userManagement';
import type { UserRow } from '../db/repositories/users';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordAudit } from './recordAudit';

/** An invitation link works once, for this long. */
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A usable invitation by its token, or 404 (unknown, used and expired look the same). */
export async function usableInvite(db: Knex | Knex.Transaction, token: string, lock = false) {
  const invite = await findUsableInvite(db, hashToken(token), lock);
  if (!invite) throw new NotFoundError('Invitation (unknown, used or expired)');
  return invite;
}

/** An admin invites someone by email; the token is returned once and only its hash is stored. */
export async function inviteUser(
  db: Knex,
  actor: UserRow,
  input: InviteRequest,
  req: Request,
): Promise<InviteResponse> {
  return db.transaction(async (trx) => {
    if (await emailTaken(trx, input.email))
      throw new ConflictError('email_taken', 'A user with this email exists already');
    const unknown = await unknownTeamIds(trx, input.teamIds);
    if (unknown.length > 0) throw new ValidationError(`teamIds: unknown team ${unknown[0]}`, 'teamIds');
    const token = randomBytes(32).toString('base64url');
    const row = await insertInvite(trx, {
      email: input.email,
      role: input.role,
      locale: input.locale,
      teamIds: [...new Set(input.teamIds)],
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        actorKind: 'user',
        action: 'user.invited',
        targetType: 'invite',
        targetId: row.id,
        data: { email: input.email, role: input.role, teamIds: row.team_ids },
      },
      req,
    );
    return { invite: toPendingInvite(row), link: `/#/invite/${token}` };
  });
}

/**
 * The invitee sets name, initials and password: the user is created with the invited role, language and
 * teams, and the invitation is spent, all under the invitation's row lock (a second use gets 404).
 */
export async function acceptInvite(
  db: Knex,
  token: string,
  input: AcceptInviteRequest,
  req: Request,
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (trx) => {
    const invite = await usableInvite(trx, token, true);
    if (await emailTaken(trx, invite.email))
      throw new ConflictError('email_taken', 'A user with this email exists already');
    const userId = await insertInvitedUser(trx, {
      email: invite.email,
      name: input.name,
      initials: input.initials,
      role: invite.role,
      locale: invite.locale,
      passwordHash,
    });
    await setUserTeams(trx, userId, invite.team_ids);
    await markInviteUsed(trx, invite.id, userId);
    await recordAudit(
      trx,
      {
        actorUserId: userId,
        actorKind: 'user',
        action: 'user.invite_accepted',
        targetType: 'user',
        targetId: userId,
        data: { inviteId: invite.id, role: invite.role },
      },
      req,
    );
    return { userId };
  });
}
