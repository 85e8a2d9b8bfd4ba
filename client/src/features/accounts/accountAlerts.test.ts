import type { IngestGapDto } from '../../../../common/types';
import { accountAlerts, budgetShare } from './accountAlerts';

function gap(id: string): IngestGapDto {
  return {
    id,
    stream: 'mentions',
    newerThanId: '100',
    olderThanId: '900',
    detectedAt: '2026-11-21T12:00:00Z',
    note: 'X only returns the newest 800 mentions',
  };
}

describe('accountAlerts', () => {
  it('shows nothing before the list has loaded or when all is well', () => {
    expect(accountAlerts(undefined)).toEqual({ reauth: null, gaps: null });
    expect(accountAlerts([{ handle: 'acme', status: 'active', gaps: [] }])).toEqual({
      reauth: null,
      gaps: null,
    });
  });

  it('names every account that needs re-authorisation, and only those', () => {
    const alerts = accountAlerts([
      { handle: 'acme', status: 'needs_reauth', gaps: [] },
      { handle: 'acme_de', status: 'paused', gaps: [] },
      { handle: 'acme_help', status: 'needs_reauth', gaps: [] },
    ]);
    expect(alerts.reauth).toEqual(['acme', 'acme_help']);
  });

  it('counts gaps across accounts with a key that changes when a new gap appears', () => {
    const before = accountAlerts([
      { handle: 'acme', status: 'active', gaps: [gap('2'), gap('1')] },
      { handle: 'other', status: 'active', gaps: [] },
    ]);
    expect(before.gaps).toEqual({ handles: ['acme'], count: 2, key: '1,2' });
    const after = accountAlerts([{ handle: 'acme', status: 'active', gaps: [gap('1'), gap('2'), gap('3')] }]);
    expect(after.gaps?.key).not.toBe(before.gaps?.key);
  });
});

describe('budgetShare', () => {
  it('fills the bar by the share used and warns from 80 %', () => {
    expect(budgetShare({ monthlyReads: 10_000, readsUsed: 2500 })).toEqual({ share: 0.25, level: 'ok' });
    expect(budgetShare({ monthlyReads: 10_000, readsUsed: 8000 })).toEqual({ share: 0.8, level: 'warn' });
  });

  it('caps the bar when the budget is exhausted or zero', () => {
    expect(budgetShare({ monthlyReads: 10_000, readsUsed: 12_000 })).toEqual({ share: 1, level: 'over' });
    expect(budgetShare({ monthlyReads: 0, readsUsed: 0 })).toEqual({ share: 1, level: 'over' });
  });
});
