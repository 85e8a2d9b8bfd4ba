import type { UserDto } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { Composer } from './Composer';
import { makeSummary } from './testFixtures';

const user: UserDto = {
  id: 'u1',
  email: 'anna@example.com',
  name: 'Anna',
  initials: 'AB',
  role: 'agent',
  locale: 'en',
};

describe('Composer', () => {
  it('starts as a public reply counted against X’s 280 limit', () => {
    const html = renderStatic(<Composer conversation={makeSummary()} user={user} defaultChannel="public" />);
    expect(html).toContain('data-testid="composer-channel"');
    expect(html).toMatch(/data-testid="composer-channel-public"[^>]*><input[^>]*checked=""/);
    expect(html).toContain('Public reply from @acme_help');
    expect(html).toContain('4 / 280');
  });

  it('starts as a direct message when told to, with the DM limit and wording', () => {
    const html = renderStatic(<Composer conversation={makeSummary()} user={user} defaultChannel="dm" />);
    expect(html).toMatch(/data-testid="composer-channel-dm"[^>]*><input[^>]*checked=""/);
    expect(html).toContain('Direct message to @jane');
    expect(html).toContain('placeholder="Write a direct message to @jane… (Ctrl+Enter to send)"');
    expect(html).toContain('4 / 10000');
  });
});
