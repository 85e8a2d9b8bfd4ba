import type { BusinessCalendar } from '../../common/businessTime';
import type { SlaInputRow } from '../db/repositories/conversationSla';
import type { SlaPolicyRow } from '../db/repositories/slaSettings';
import { computeSlaFields, policyFor, type SlaConfig } from './slaDue';

const policy = (over: Partial<SlaPolicyRow>): SlaPolicyRow => ({
  id: 'p-default-normal',
  platform: null,
  channel_account_id: null,
  priority: 'normal',
  first_response_minutes: 60,
  next_response_minutes: 120,
  updated_at: new Date(),
  ...over,
});
const berlinWeekdays: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  intervals: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
  holidays: [],
};
const config = (calendars: Array<[string, BusinessCalendar]> = []): SlaConfig => ({
  policies: [
    policy({}),
    policy({ id: 'p-x-normal', platform: 'x', first_response_minutes: 30, next_response_minutes: 45 }),
    policy({ id: 'p-acct-normal', channel_account_id: 'acct-2', first_response_minutes: 10 }),
  ],
  calendars: new Map(calendars),
});
const row = (over: Partial<SlaInputRow> = {}): SlaInputRow => ({
  id: 'c1',
  status: 'open',
  priority: 'normal',
  team_id: null,
  channel_account_id: 'acct-1',
  platform: 'facebook',
  waiting_since: new Date('2026-11-17T09:00:00Z'),
  first_response_at: null,
  sla_target: null,
  sla_started_at: null,
  sla_due_at: null,
  sla_at_risk_at: null,
  sla_policy_id: null,
  sla_breached_at: null,
  ...over,
});
const now = new Date('2026-11-17T09:05:00Z');

describe('policyFor', () => {
  it('prefers the account, then the platform, then the default', () => {
    const cfg = config();
    expect(policyFor(cfg, row({ channel_account_id: 'acct-2', platform: 'x' })).id).toBe('p-acct-normal');
    expect(policyFor(cfg, row({ platform: 'x' })).id).toBe('p-x-normal');
    expect(policyFor(cfg, row()).id).toBe('p-default-normal');
    // No row for the priority at all: the built-in defaults, no policy id.
    expect(policyFor(cfg, row({ priority: 'urgent' }))).toEqual({ id: null, first: 15, next: 30 });
  });
});

describe('computeSlaFields', () => {
  it('starts the first-response clock at the first inbound, 24/7 by default', () => {
    const f = computeSlaFields(row(), config(), now, {
      at: new Date('2026-11-17T09:00:00Z'),
      reopened: false,
    });
    expect(f.sla_target).toBe('first');
    expect(f.sla_due_at?.toISOString()).toBe('2026-11-17T10:00:00.000Z');
    expect(f.sla_at_risk_at?.toISOString()).toBe('2026-11-17T09:45:00.000Z');
    expect(f.sla_policy_id).toBe('p-default-normal');
  });

  it('uses the next-response target after our reply, and the team calendar', () => {
    const r = row({ team_id: 'team-1', first_response_at: new Date('2026-11-17T08:00:00Z') });
    // Tuesday 19:30 Berlin + 120 business minutes → Wednesday 09:30 Berlin.
    const f = computeSlaFields(r, config([['team-1', berlinWeekdays]]), now, {
      at: new Date('2026-11-17T18:30:00Z'),
      reopened: false,
    });
    expect(f.sla_target).toBe('next');
    expect(f.sla_due_at?.toISOString()).toBe('2026-11-18T08:30:00.000Z');
  });

  it('keeps the running clock when the customer writes again, and restarts it on a reopen', () => {
    const running = row({
      sla_target: 'next',
      sla_started_at: new Date('2026-11-17T09:00:00Z'),
      first_response_at: new Date('2026-11-17T08:00:00Z'),
    });
    const later = { at: new Date('2026-11-17T09:03:00Z'), reopened: false };
    expect(computeSlaFields(running, config(), now, later).sla_started_at?.toISOString()).toBe(
      '2026-11-17T09:00:00.000Z',
    );
    const reopened = computeSlaFields(running, config(), now, { ...later, reopened: true });
    expect(reopened.sla_target).toBe('first');
    expect(reopened.sla_started_at?.toISOString()).toBe('2026-11-17T09:03:00.000Z');
  });

  it('clears everything once nobody waits, and has no due time while resolved', () => {
    expect(
      computeSlaFields(row({ waiting_since: null, sla_target: 'first' }), config(), now).sla_due_at,
    ).toBeNull();
    const resolved = computeSlaFields(row({ status: 'resolved' }), config(), now);
    expect(resolved.sla_due_at).toBeNull();
    expect(resolved.sla_started_at?.toISOString()).toBe('2026-11-17T09:00:00.000Z');
  });

  it('keeps a recorded breach while still overdue, and re-arms when the due time moves past now', () => {
    const breached = row({
      sla_target: 'first',
      sla_started_at: new Date('2026-11-17T07:00:00Z'),
      sla_breached_at: new Date('2026-11-17T08:00:00Z'),
    });
    expect(computeSlaFields(breached, config(), now).sla_breached_at).not.toBeNull();
    // A low priority target of 240 minutes puts the due time in the future: no longer breached.
    const low = { ...config(), policies: [policy({ priority: 'low', first_response_minutes: 240 })] };
    expect(computeSlaFields({ ...breached, priority: 'low' }, low, now).sla_breached_at).toBeNull();
  });

  it('keeps a recorded breach while resolved, so an agent’s reopen does not record it again', () => {
    const breached = row({
      status: 'resolved',
      sla_target: 'first',
      sla_started_at: new Date('2026-11-17T07:00:00Z'),
      sla_breached_at: new Date('2026-11-17T08:00:00Z'),
    });
    const resolved = computeSlaFields(breached, config(), now);
    expect(resolved.sla_due_at).toBeNull();
    const reopened = computeSlaFields({ ...breached, ...resolved, status: 'open' }, config(), now);
    expect(reopened.sla_due_at?.toISOString()).toBe('2026-11-17T08:00:00.000Z');
    expect(reopened.sla_breached_at?.toISOString()).toBe('2026-11-17T08:00:00.000Z');
  });

  it('counts around the clock rather than failing when a calendar never opens', () => {
    const never: BusinessCalendar = { ...berlinWeekdays, intervals: [] };
    const f = computeSlaFields(row({ team_id: 't' }), config([['t', never]]), now, {
      at: new Date('2026-11-17T09:00:00Z'),
      reopened: false,
    });
    expect(f.sla_due_at?.toISOString()).toBe('2026-11-17T10:00:00.000Z');
  });
});
