import type { Request } from 'express';
import type { Knex } from 'knex';
import type { ManagedUserDto, ManageUserRequest } from '../../common/userManagement';
import {
  countActiveAdmins,
  deleteUserSessions,
  getManagedUser,
  setUserTeams,
  unknownTeamIds,
  updateUserFields,
} from '../db/repositories/userManagement';
import type { UserRow } from '../db/repositories/users';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordAudit } from './recordAudit';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Would this change leave no active admin? Then nobody could manage users any more. */
async function guardLastAdmin(trx: Knex.Transaction, before: ManagedUserDto, losesAdmin: boolean) {
  if (losesAdmin && before.role === 'admin' && before.active && (await countActiveAdmins(trx)) <= 1)
    throw new ConflictError('last_admin', 'The last active admin cannot lose that role');
}

/**
 * An admin changes a user's name, initials, role, language or teams. One transaction; each kind of
 * change is audited (`user.role_changed` and `user.teams_changed` with before/after, else `user.updated`).
 */
export async function updateManagedUser(
  db: Knex,
  actor: UserRow,
  userId: string,
  patch: ManageUserRequest,
  req: Request,
): Promise<ManagedUserDto> {
  return db.transaction(async (trx) => {
    const before = await getManagedUser(trx, userId);
    if (!before) throw new NotFoundError('User');
    if (patch.role !== undefined && patch.role !== before.role) {
      if (userId === actor.id) throw new ConflictError('own_role', 'You cannot change your own role');
      await guardLastAdmin(trx, before, patch.role !== 'admin');
    }
    if (patch.teamIds) {
      const unknown = await unknownTeamIds(trx, patch.teamIds);
      if (unknown.length > 0) throw new ValidationError(`teamIds: unknown team ${unknown[0]}`, 'teamIds');
    }
    await updateUserFields(trx, userId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.initials !== undefined ? { initials: patch.initials } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    });
    if (patch.teamIds) await setUserTeams(trx, userId, [...new Set(patch.teamIds)]);
    const after = await getManagedUser(trx, userId);
    if (!after) throw new NotFoundError('User');
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAudit(
        trx,
        { actorUserId: actor.id, actorKind: 'user', action, targetType: 'user', targetId: userId, data },
        req,
      );
    if (after.role !== before.role) await audit('user.role_changed', { from: before.role, to: after.role });
    if (!sameSet(after.teamIds, before.teamIds))
      await audit('user.teams_changed', { from: before.teamIds, to: after.teamIds });
    const changed = (['name', 'initials', 'locale'] as const).filter((k) => after[k] !== before[k]);
    if (changed.length > 0)
      await audit('user.updated', {
        from: Object.fromEntries(changed.map((k) => [k, before[k]])),
        to: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    return after;
  });
}

/**
 * Deactivates (ending every session at once) or reactivates a user. Nobody deactivates themselves or the
 * last active admin. Sign-in and every request check `active`, so a deactivated user is out even on a
 * session store this does not reach.
 */
export async function setUserActive(
  db: Knex,
  actor: UserRow,
  userId: string,
  active: boolean,
  req: Request,
): Promise<ManagedUserDto> {
  return db.transaction(async (trx) => {
    const before = await getManagedUser(trx, userId);
    if (!before) throw new NotFoundError('User');
    if (!active && userId === actor.id)
      throw new ConflictError('own_account', 'You cannot deactivate yourself');
    if (!active) await guardLastAdmin(trx, before, true);
    if (before.active === active) return before;
    // Sessions first: deactivating also fires a trigger that deletes them (and tells every server to drop
    // the user's sockets); deleting them here first is what lets the audit entry count them.
    const endedSessions = active ? 0 : await deleteUserSessions(trx, userId);
    await updateUserFields(trx, userId, { active });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        actorKind: 'user',
        action: active ? 'user.reactivated' : 'user.deactivated',
        targetType: 'user',
        targetId: userId,
        data: active ? {} : { endedSessions },
      },
      req,
    );
    return { ...before, active };
  });
}
