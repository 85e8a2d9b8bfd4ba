import { renderStatic } from '../../testing/renderStatic';
import { AccountCard } from './AccountCard';
import { makeAccount } from './testAccounts';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('AccountCard', () => {
  it('shows status, polling times, limits, budget and queries of a healthy account', () => {
    const html = renderStatic(<AccountCard account={makeAccount()} now={now} />);
    expect(html).toContain('data-testid="account-row"');
    expect(html).toContain('data-account-status="active"');
    expect(html).toContain('@acme_help');
    expect(html).toContain('10 seconds ago');
    expect(html).toContain('in 20 seconds');
    expect(html).toContain('12 / 450');
    expect(html).toContain('in 10 minutes');
    expect(html).toContain('2,500 of 10,000 reads used');
    expect(html).toContain('width:25.0%');
    expect(html).toContain('search results for “acme lang:de”');
    expect(html).toContain('HTTP 503');
    expect(html).toContain('No gaps');
  });

  it('marks an account that needs re-authorisation and shows its last error with time', () => {
    const html = renderStatic(
      <AccountCard
        account={makeAccount({
          status: 'needs_reauth',
          lastError: 'Token revoked',
          lastErrorAt: '2026-11-21T11:58:00Z',
        })}
        now={now}
      />,
    );
    expect(html).toContain('data-account-status="needs_reauth"');
    expect(html).toContain('account-status--needs_reauth');
    expect(html).toContain('Needs re-authorisation');
    expect(html).toContain('Token revoked');
    expect(html).toContain('2 minutes ago');
  });

  it('explains each ingest gap with its note and when it was found', () => {
    const html = renderStatic(
      <AccountCard
        account={makeAccount({
          gaps: [
            {
              id: 'g1',
              stream: 'mentions',
              newerThanId: '100',
              olderThanId: '900',
              detectedAt: '2026-11-21T11:00:00Z',
              note: 'X only returns the newest 800 mentions',
            },
          ],
        })}
        now={now}
      />,
    );
    expect(html).toContain('Missed mentions between post 100 and post 900');
    expect(html).toContain('X only returns the newest 800 mentions');
    expect(html).toContain('1 hour ago');
  });
});
