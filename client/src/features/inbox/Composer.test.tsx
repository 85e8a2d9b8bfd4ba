import type { ReplyKind, ReplyOption, UserDto } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { Composer } from './Composer';
import { makeOption, makeSummary } from './testFixtures';

const user: UserDto = {
  id: 'u1',
  email: 'anna@example.com',
  name: 'Anna',
  initials: 'AB',
  role: 'agent',
  locale: 'en',
  timeZone: 'Europe/Berlin',
};

const xOptions = [makeOption('public'), makeOption('dm', { maxLength: 10_000, weighted: false })];
const facebookComment = [
  makeOption('public', { maxLength: 8000, weighted: false }),
  makeOption('private_reply', { maxLength: 2000, weighted: false }),
];

function render(options: ReplyOption[], defaultKind: ReplyKind | null, language: 'en' | 'de' = 'en') {
  return renderStatic(
    <Composer conversation={makeSummary()} user={user} replyOptions={options} defaultKind={defaultKind} />,
    language,
  );
}

/** An ISO time 21 h 13 min (and a little) from now, so the countdown reads the same whenever it runs. */
function inAboutADay(): string {
  return new Date(Date.now() + (21 * 60 + 13) * 60_000 + 30_000).toISOString();
}

describe('Composer', () => {
  it('starts as a public reply counted against X’s 280 limit', () => {
    const html = render(xOptions, 'public');
    expect(html).toContain('data-testid="composer-channel"');
    expect(html).toMatch(/data-testid="composer-channel-public"[^>]*><input[^>]*checked=""/);
    expect(html).not.toContain('composer-channel-private_reply');
    expect(html).toContain('Public reply from @acme_help');
    expect(html).toContain('4 / 280');
    expect(html).not.toContain('composer-window');
  });

  it('starts as a direct message when told to, with the DM limit and wording', () => {
    const html = render(xOptions, 'dm');
    expect(html).toMatch(/data-testid="composer-channel-dm"[^>]*><input[^>]*checked=""/);
    expect(html).toContain('Direct message to @jane');
    expect(html).toContain('placeholder="Write a direct message to @jane… (Ctrl+Enter to send)"');
    expect(html).toContain('4 / 10000');
  });

  it('offers a public or private reply under a Facebook comment, counted in characters', () => {
    const html = render(facebookComment, 'private_reply');
    expect(html).toContain('data-testid="composer-channel-public"');
    expect(html).not.toContain('composer-channel-dm');
    expect(html).toMatch(/data-testid="composer-channel-private_reply"[^>]*>.*?Private reply<\/label>/);
    expect(html).toMatch(/data-testid="composer-channel-private_reply"[^>]*><input[^>]*checked=""/);
    expect(html).toContain('Private reply to @jane via Messenger');
    expect(html).toContain('4 / 2000');
  });

  it('shows a closed kind as blocked with the server’s reason, and keeps Send disabled', () => {
    const reason = 'Outside the 7-day window: Messenger no longer accepts replies.';
    const html = render(
      [makeOption('dm', { allowed: false, reason, maxLength: 2000, weighted: false })],
      'dm',
    );
    expect(html).toMatch(
      /data-testid="composer-channel-dm" data-allowed="false"[^>]*segmented__option--blocked/,
    );
    expect(html).toMatch(
      /data-testid="composer-window"[^>]*data-allowed="false"[^>]*>.*Outside the 7-day window/,
    );
    expect(html).not.toContain('composer-window-left');
    expect(html).toMatch(/data-testid="composer-send"[^>]*disabled=""/);
  });

  it('explains a window that is still open, with its deadline and the time left', () => {
    const reason = 'Messenger: the 24-hour window closed; HUMAN_AGENT tag: human-written replies only';
    const option = makeOption('dm', { reason, until: inAboutADay(), maxLength: 2000, weighted: false });
    const html = render([option], 'dm');
    expect(html).toMatch(/data-testid="composer-window"[^>]*data-allowed="true"/);
    expect(html).toContain(`${reason} · You can reply until `);
    expect(html).toContain('>21 hr 13 min left<');
    const german = render([option], 'dm', 'de');
    expect(german).toContain(' · Antworten möglich bis ');
    expect(german).toContain('>noch 21 Std. 13 Min.<');
  });

  it('treats an option whose deadline passed as closed', () => {
    const until = new Date(Date.now() - 60_000).toISOString();
    const html = render(
      [makeOption('private_reply', { until, maxLength: 2000, weighted: false })],
      'private_reply',
    );
    expect(html).toMatch(/data-testid="composer-channel-private_reply" data-allowed="false"/);
    expect(html).toContain('Closed since ');
  });

  it('says so when no reply is possible at all, and still offers an internal note', () => {
    const html = render([], null);
    expect(html).not.toMatch(/composer-channel-(public|dm|private_reply)/);
    expect(html).toMatch(/data-testid="composer-channel-note" data-allowed="true"/);
    expect(html).toContain('No reply is possible in this conversation right now.');
    expect(html).not.toContain('composer-counter');
    expect(html).toMatch(/data-testid="composer-send"[^>]*disabled=""/);
  });

  it('offers the internal note next to the reply kinds, not selected, in both languages', () => {
    const html = render(xOptions, 'public');
    expect(html).toMatch(/data-testid="composer-channel-note"[^>]*><input[^>]*value="note"/);
    expect(html).not.toMatch(/data-testid="composer-channel-note"[^>]*><input[^>]*checked=""/);
    expect(html).toContain('>Note</label>');
    expect(render(xOptions, 'public', 'de')).toContain('>Notiz</label>');
  });
});

describe('Composer: canned responses and attachments', () => {
  it('always offers the canned responses button', () => {
    expect(render(xOptions, 'public')).toMatch(/data-testid="composer-canned-button"[^>]*>Canned responses</);
    expect(render(xOptions, 'public', 'de')).toContain('>Textbausteine<');
  });

  it('offers an image only where the server allows one, and says why not elsewhere', () => {
    const withImages = render(
      [
        makeOption('public', {
          maxLength: 8000,
          weighted: false,
          attachments: { allowed: true, reason: null },
        }),
      ],
      'public',
    );
    expect(withImages).toMatch(/data-testid="composer-attach" data-allowed="true"/);
    expect(withImages).toContain('accept="image/png,image/jpeg,image/gif,image/webp"');

    const x = render(
      [
        makeOption('public', {
          attachments: { allowed: false, reason: 'Caredesk cannot attach images on X yet' },
        }),
      ],
      'public',
    );
    expect(x).toMatch(
      /data-testid="composer-attach" data-allowed="false"[^>]*disabled=""[^>]*title="Caredesk cannot attach images on X yet"/,
    );
    expect(x).not.toContain('composer-attach-input');

    // A server without attachment rules offers none.
    expect(render(xOptions, 'public')).not.toContain('composer-attach');
  });
});
