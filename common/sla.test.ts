import { atRiskMinutes, slaStateAt } from './sla';

describe('SLA state rule (mirrors caredesk_sla_state)', () => {
  it('puts the at-risk window in the last quarter, at least 5 minutes, never longer than the target', () => {
    expect(atRiskMinutes(60)).toBe(15);
    expect(atRiskMinutes(15)).toBe(5);
    expect(atRiskMinutes(240)).toBe(60);
    expect(atRiskMinutes(3)).toBe(3);
  });

  it('is ok before the at-risk instant, at risk from it, breached after the due time', () => {
    const due = '2026-11-23T09:00:00.000Z';
    const atRisk = '2026-11-23T08:45:00.000Z';
    expect(slaStateAt(due, atRisk, Date.parse('2026-11-23T08:44:59Z'))).toBe('ok');
    expect(slaStateAt(due, atRisk, Date.parse('2026-11-23T08:45:00Z'))).toBe('at_risk');
    expect(slaStateAt(due, atRisk, Date.parse('2026-11-23T09:00:00Z'))).toBe('at_risk');
    expect(slaStateAt(due, atRisk, Date.parse('2026-11-23T09:00:01Z'))).toBe('breached');
    expect(slaStateAt(null, null, Date.now())).toBeNull();
  });
});
