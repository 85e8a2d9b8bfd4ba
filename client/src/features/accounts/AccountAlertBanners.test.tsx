import { renderStatic } from '../../testing/renderStatic';
import { AccountAlertBanners } from './AccountAlertBanners';
import { makeAccount } from './testAccounts';

const gap = {
  id: 'g1',
  stream: 'mentions',
  newerThanId: '1850000000000000000',
  olderThanId: '1850000000041943040',
  detectedAt: '2026-11-21T11:00:00Z',
  note: 'X only returns the newest 800 mentions',
};

describe('AccountAlertBanners', () => {
  it('shows nothing while all accounts are healthy or the list has not loaded', () => {
    expect(renderStatic(<AccountAlertBanners accounts={[makeAccount()]} />)).toBe('');
    expect(renderStatic(<AccountAlertBanners accounts={undefined} />)).toBe('');
  });

  it('warns in red that an account needs re-authorisation and links to the health view', () => {
    const html = renderStatic(<AccountAlertBanners accounts={[makeAccount({ status: 'needs_reauth' })]} />);
    expect(html).toContain('data-testid="account-alert"');
    expect(html).toContain('banner--error');
    expect(html).toContain('@acme_help needs to be re-authorised — polling is paused.');
    expect(html).toContain('href="#/accounts"');
    expect(html).not.toContain('account-gap-alert');
  });

  it('names several accounts in one sentence, in German too', () => {
    const accounts = [
      makeAccount({ status: 'needs_reauth' }),
      makeAccount({ id: 'acc2', handle: 'acme_de', status: 'needs_reauth' }),
    ];
    expect(renderStatic(<AccountAlertBanners accounts={accounts} />)).toContain(
      '@acme_help and @acme_de need to be re-authorised',
    );
    expect(renderStatic(<AccountAlertBanners accounts={accounts} />, 'de')).toContain(
      '@acme_help und @acme_de müssen neu autorisiert werden',
    );
  });

  it('shows an amber banner when posts were missed', () => {
    const html = renderStatic(<AccountAlertBanners accounts={[makeAccount({ gaps: [gap] })]} />);
    expect(html).toContain('data-testid="account-gap-alert"');
    expect(html).toContain('banner--warn');
    expect(html).toContain('(1 gap)');
    expect(html).not.toContain('data-testid="account-alert"');
  });
});
