import type { Knex } from 'knex';
import type { OpeningInterval } from '../../common/businessTime';
import { type Platform, PRIORITIES, type Priority } from '../../common/types';
import {
  deleteBusinessHours,
  deleteHoliday,
  deleteSlaPolicyScope,
  insertHoliday,
  teamExists,
  upsertBusinessHours,
  upsertSlaPolicy,
} from '../db/repositories/slaSettings';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { recomputeWaitingSla } from './conversationSla';

interface Scope {
  platform: Platform | null;
  channelAccountId: string | null;
}

/**
 * Every change to policies or calendars recomputes the due times of waiting customers at once, so the
 * inbox always shows the rules in force (and breaches are judged by them).
 */
export async function saveSlaPolicyScope(
  db: Knex,
  input: Scope & { targets: Record<Priority, { first: number; next: number }>; userId: string },
): Promise<void> {
  if (input.channelAccountId) {
    const account = await db('channel_accounts').where({ id: input.channelAccountId }).first('id');
    if (!account)
      throw new UnprocessableError('unknown_account', 'No channel account with that id', 'channelAccountId');
  }
  await db.transaction(async (trx) => {
    for (const priority of PRIORITIES) {
      const t = input.targets[priority];
      await upsertSlaPolicy(trx, { ...input, priority, first: t.first, next: t.next });
    }
  });
  await recomputeWaitingSla(db);
}

export async function removeSlaPolicyScope(db: Knex, scope: Scope): Promise<void> {
  if (scope.platform === null && scope.channelAccountId === null) {
    throw new UnprocessableError(
      'default_policy',
      'The default policy can be changed but not removed',
      'platform',
    );
  }
  if ((await deleteSlaPolicyScope(db, scope)) === 0) throw new NotFoundError('SLA policy');
  await recomputeWaitingSla(db);
}

async function checkTeam(db: Knex, teamId: string | null): Promise<void> {
  if (teamId && !(await teamExists(db, teamId))) throw new NotFoundError('Team');
}

export async function saveBusinessHours(
  db: Knex,
  teamId: string | null,
  input: { timeZone: string; intervals: OpeningInterval[]; userId: string },
): Promise<void> {
  await checkTeam(db, teamId);
  await upsertBusinessHours(db, teamId, input);
  await recomputeWaitingSla(db);
}

export async function removeBusinessHours(db: Knex, teamId: string | null): Promise<void> {
  await checkTeam(db, teamId);
  if ((await deleteBusinessHours(db, teamId)) === 0) throw new NotFoundError('Business hours');
  await recomputeWaitingSla(db);
}

export async function addHoliday(db: Knex, teamId: string | null, input: { date: string; name: string }) {
  await checkTeam(db, teamId);
  try {
    const holiday = await insertHoliday(db, teamId, input);
    await recomputeWaitingSla(db);
    return holiday;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ConflictError('holiday_exists', `${input.date} is already a holiday`);
    throw error;
  }
}

export async function removeHoliday(db: Knex, id: string): Promise<void> {
  if ((await deleteHoliday(db, id)) === 0) throw new NotFoundError('Holiday');
  await recomputeWaitingSla(db);
}
