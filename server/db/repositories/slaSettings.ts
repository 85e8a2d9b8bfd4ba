import type { Knex } from 'knex';
import { ALWAYS_OPEN, type BusinessCalendar, type OpeningInterval } from '../../../common/businessTime';
import type {
  BusinessCalendarDto,
  HolidayDto,
  Platform,
  Priority,
  SlaPolicyDto,
} from '../../../common/types';

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface SlaPolicyRow {
  id: string;
  platform: Platform | null;
  channel_account_id: string | null;
  priority: Priority;
  first_response_minutes: number;
  next_response_minutes: number;
  updated_at: Date;
}

export const toSlaPolicyDto = (r: SlaPolicyRow): SlaPolicyDto => ({
  id: r.id,
  platform: r.platform,
  channelAccountId: r.channel_account_id,
  priority: r.priority,
  firstResponseMinutes: r.first_response_minutes,
  nextResponseMinutes: r.next_response_minutes,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listSlaPolicies(db: Knex): Promise<SlaPolicyRow[]> {
  return db('sla_policies')
    .orderByRaw('channel_account_id nulls first, platform nulls first, priority')
    .select<SlaPolicyRow[]>('*');
}

/** Creates or replaces the targets of one scope and priority. */
export async function upsertSlaPolicy(
  trx: Knex | Knex.Transaction,
  p: {
    platform: Platform | null;
    channelAccountId: string | null;
    priority: Priority;
    first: number;
    next: number;
    userId: string;
  },
): Promise<void> {
  await trx.raw(
    `insert into sla_policies
       (platform, channel_account_id, priority, first_response_minutes, next_response_minutes, updated_by)
     values (?, ?, ?, ?, ?, ?)
     on conflict ((coalesce(platform, '')), (coalesce(channel_account_id, '${NO_ID}'::uuid)), priority)
     do update set first_response_minutes = excluded.first_response_minutes,
       next_response_minutes = excluded.next_response_minutes,
       updated_by = excluded.updated_by, updated_at = now()`,
    [p.platform, p.channelAccountId, p.priority, p.first, p.next, p.userId],
  );
}

/** Removes a scope's override (never the default: both null is refused by the caller). */
export async function deleteSlaPolicyScope(
  db: Knex,
  scope: { platform: Platform | null; channelAccountId: string | null },
): Promise<number> {
  const q = db('sla_policies');
  if (scope.channelAccountId) q.where({ channel_account_id: scope.channelAccountId });
  else q.whereNull('channel_account_id').where({ platform: scope.platform });
  return q.delete();
}

interface HoursRow {
  team_id: string | null;
  time_zone: string;
  intervals: OpeningInterval[];
}
interface HolidayRow {
  id: string;
  team_id: string | null;
  date: string;
  name: string;
}

const toHolidayDto = (r: HolidayRow): HolidayDto => ({ id: r.id, date: r.date, name: r.name });

async function loadHoursAndHolidays(db: Knex | Knex.Transaction) {
  const hours = await db('business_hours').select<HoursRow[]>('team_id', 'time_zone', 'intervals');
  const holidays = await db('holidays')
    .orderBy('date')
    .select<HolidayRow[]>('id', 'team_id', db.raw("to_char(date, 'YYYY-MM-DD') as date"), 'name');
  return { hours, holidays };
}

/** Every configured calendar, keyed by team id ('' for the default calendar). */
export async function loadCalendars(db: Knex | Knex.Transaction): Promise<Map<string, BusinessCalendar>> {
  const { hours, holidays } = await loadHoursAndHolidays(db);
  const calendars = new Map<string, BusinessCalendar>();
  for (const h of hours) {
    const key = h.team_id ?? '';
    calendars.set(key, {
      timeZone: h.time_zone,
      intervals: h.intervals,
      holidays: holidays.filter((d) => (d.team_id ?? '') === key).map((d) => d.date),
    });
  }
  // Holidays of the default calendar close even a 24/7 default.
  const defaultHolidays = holidays.filter((d) => d.team_id === null).map((d) => d.date);
  if (!calendars.has('') && defaultHolidays.length > 0)
    calendars.set('', { ...ALWAYS_OPEN, holidays: defaultHolidays });
  return calendars;
}

/** The default calendar first, then every team (configured or not), for the admin screen. */
export async function listCalendars(db: Knex): Promise<BusinessCalendarDto[]> {
  const { hours, holidays } = await loadHoursAndHolidays(db);
  const teams = await db('teams').orderBy('name').select<{ id: string; name: string }[]>('id', 'name');
  const entry = (teamId: string | null, teamName: string | null): BusinessCalendarDto => {
    const h = hours.find((x) => x.team_id === teamId);
    return {
      teamId,
      teamName,
      configured: Boolean(h),
      timeZone: h?.time_zone ?? 'UTC',
      intervals: h?.intervals ?? [],
      holidays: holidays.filter((d) => d.team_id === teamId).map(toHolidayDto),
    };
  };
  return [entry(null, null), ...teams.map((t) => entry(t.id, t.name))];
}

export async function upsertBusinessHours(
  db: Knex,
  teamId: string | null,
  input: { timeZone: string; intervals: OpeningInterval[]; userId: string },
): Promise<void> {
  await db.raw(
    `insert into business_hours (team_id, time_zone, intervals, updated_by) values (?, ?, ?::jsonb, ?)
     on conflict ((coalesce(team_id, '${NO_ID}'::uuid)))
     do update set time_zone = excluded.time_zone, intervals = excluded.intervals,
       updated_by = excluded.updated_by, updated_at = now()`,
    [teamId, input.timeZone, JSON.stringify(input.intervals), input.userId],
  );
}

export async function deleteBusinessHours(db: Knex, teamId: string | null): Promise<number> {
  const q = db('business_hours');
  if (teamId) q.where({ team_id: teamId });
  else q.whereNull('team_id');
  return q.delete();
}

/** Adds a closed date; the same date twice is a conflict (unique index). */
export async function insertHoliday(
  db: Knex,
  teamId: string | null,
  input: { date: string; name: string },
): Promise<HolidayDto> {
  const [row] = await db('holidays')
    .insert({ team_id: teamId, date: input.date, name: input.name })
    .returning<HolidayRow[]>(['id', 'team_id', db.raw("to_char(date, 'YYYY-MM-DD') as date"), 'name']);
  return toHolidayDto(row!);
}

export async function deleteHoliday(db: Knex, id: string): Promise<number> {
  return db('holidays').where({ id }).delete();
}

export async function teamExists(db: Knex, teamId: string): Promise<boolean> {
  return Boolean(await db('teams').where({ id: teamId }).first('id'));
}
