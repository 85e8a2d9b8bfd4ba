/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderDom } from '../../testing/renderDom';
import { SlaBadge } from './SlaBadge';
import { makeSummary } from './testFixtures';

const now = Date.parse('2026-11-23T09:00:00Z');

describe('SlaBadge', () => {
  it('says which target it counts down and turns amber from the stored at-risk instant', () => {
    renderDom(
      <SlaBadge
        now={now}
        conversation={makeSummary({
          slaDueAt: '2026-11-23T10:00:00Z',
          // Business time: the last quarter began at Friday's close, long before the due time.
          slaAtRiskAt: '2026-11-23T08:00:00Z',
          slaTarget: 'next',
        })}
      />,
    );
    const badge = screen.getByTestId('row-sla');
    expect(badge).toHaveAttribute('data-sla', 'at_risk');
    expect(badge).toHaveAttribute('data-sla-target', 'next');
    expect(badge.getAttribute('title')).toMatch(/^Next response: At risk · /);
    expect(badge).toHaveTextContent('SLA 1h left');
  });

  it('is on time before the at-risk instant and shows the first-response target in German', () => {
    renderDom(
      <SlaBadge
        now={now}
        conversation={makeSummary({
          slaDueAt: '2026-11-23T10:00:00Z',
          slaAtRiskAt: '2026-11-23T09:45:00Z',
          slaTarget: 'first',
        })}
      />,
      'de',
    );
    const badge = screen.getByTestId('row-sla');
    expect(badge).toHaveAttribute('data-sla', 'ok');
    expect(badge.getAttribute('title')).toMatch(/^Erste Antwort: Im Plan · /);
  });

  it('shows nothing while nobody waits', () => {
    renderDom(<SlaBadge now={now} conversation={makeSummary({ slaDueAt: null, slaAtRiskAt: null })} />);
    expect(screen.queryByTestId('row-sla')).toBeNull();
  });
});
