import { queryKeys } from '../../api/queryKeys';
import { renderStatic } from '../../testing/renderStatic';
import { makeDetail } from '../inbox/testFixtures';
import { ContactProfile } from './ContactProfile';
import { ContactProfilePanel } from './ContactProfilePanel';
import { makeContactConversation, makeProfile } from './testProfile';

const conversationItems = (html: string) =>
  [
    ...html.matchAll(
      /data-testid="profile-conversation" data-conversation-id="([^"]+)" data-outcome="([^"]+)"/g,
    ),
  ].map((m) => [m[1], m[2]]);

describe('ContactProfile', () => {
  it('shows who the customer is: name, handle, followers, verified, first seen and a profile link', () => {
    const html = renderStatic(<ContactProfile profile={makeProfile()} currentConversationId="c1" />);
    expect(html).toMatch(/<h3 class="profile__name" data-testid="profile-name"><bdi>Jane Doe<\/bdi>/);
    expect(html).toContain('@jane');
    expect(html).toMatch(/data-testid="profile-followers">12,345</);
    expect(html).toContain('Verified account');
    expect(html).toContain('dateTime="2025-12-01T09:00:00Z"');
    expect(html).toMatch(
      /href="https:\/\/x.com\/jane"[^>]*rel="noopener noreferrer nofollow"[^>]*>Open profile on X</,
    );
  });

  it('lists the conversations newest first with outcome, response time, counts, assignee and tags', () => {
    const html = renderStatic(<ContactProfile profile={makeProfile()} currentConversationId="c1" />);
    expect(conversationItems(html)).toEqual([
      ['c1', 'open'],
      ['c0', 'resolved'],
    ]);
    expect(html).toContain('2 conversations in all');
    expect(html).not.toContain('showing the newest');
    expect(html).toMatch(/class="pill pill--outcome-resolved">Resolved</);
    expect(html).toContain('First response in 12 min');
    expect(html).toContain('Not answered yet');
    expect(html).toContain('2 in · 1 out · 1 notes');
    expect(html).toContain('Assignee: Anna Berger');
    expect(html).toContain('#router');
  });

  it('links every conversation so a click opens it, and marks the open one', () => {
    const html = renderStatic(<ContactProfile profile={makeProfile()} currentConversationId="c1" />);
    expect(html).toMatch(/href="#\/conversations\/c1" aria-current="page"/);
    expect(html).toMatch(
      /href="#\/conversations\/c0" aria-label="Open conversation from [^"]+: Router blinks red"/,
    );
    expect(html.match(/This conversation/g)).toHaveLength(1);
  });

  it('says when only the newest of many conversations are shown', () => {
    const html = renderStatic(
      <ContactProfile
        profile={makeProfile({ conversations: [makeContactConversation()], totalConversations: 42 })}
        currentConversationId="c1"
      />,
    );
    expect(html).toContain('42 conversations in all, showing the newest 1');
  });

  it('shows no link or image for unsafe or missing addresses, and unknown followers as unknown', () => {
    const profile = makeProfile();
    profile.contact = {
      ...profile.contact,
      platform: 'facebook',
      profileUrl: null,
      avatarUrl: 'javascript:alert(1)',
      followersCount: null,
      verified: false,
    };
    const html = renderStatic(<ContactProfile profile={profile} currentConversationId="c1" />);
    expect(html).not.toContain('profile-link');
    expect(html).not.toContain('javascript:');
    expect(html).toMatch(/data-testid="profile-followers">unknown</);
    expect(html).toContain('Not verified');
  });

  it('shows the picture as decoration, without sending the inbox address along', () => {
    const profile = makeProfile();
    profile.contact = { ...profile.contact, avatarUrl: 'https://pbs.example/jane.jpg' };
    const html = renderStatic(<ContactProfile profile={profile} currentConversationId="c1" />);
    expect(html).toMatch(
      /<img class="profile__avatar" src="https:\/\/pbs.example\/jane.jpg" alt=""[^>]*referrerPolicy="no-referrer"/,
    );
  });

  it('speaks German', () => {
    const html = renderStatic(<ContactProfile profile={makeProfile()} currentConversationId="c1" />, 'de');
    expect(html).toContain('2 Unterhaltungen insgesamt');
    expect(html).toContain('>Erledigt<');
    expect(html).toContain('Zuständig: Anna Berger');
    expect(html).toMatch(/data-testid="profile-followers">12\.345</);
  });
});

describe('ContactProfilePanel', () => {
  it('is a labelled side panel with a toggle, showing the profile of the open conversation’s customer', () => {
    const html = renderStatic(<ContactProfilePanel conversationId="c1" />, 'en', (client) => {
      client.setQueryData(queryKeys.conversation('c1'), { conversation: makeDetail([]) });
      client.setQueryData(queryKeys.contactProfile('p1'), makeProfile());
    });
    expect(html).toMatch(/<aside data-testid="profile-panel" class="profile" aria-labelledby="([^"]+)">/);
    const labelledBy = html.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}" class="profile__title">Customer profile</h2>`);
    expect(html).toMatch(/data-testid="profile-toggle"[^>]*aria-expanded="true"/);
    expect(html).toContain('Hide customer profile');
    expect(conversationItems(html)).toEqual([
      ['c1', 'open'],
      ['c0', 'resolved'],
    ]);
  });

  it('says it is loading until the profile arrives', () => {
    const html = renderStatic(<ContactProfilePanel conversationId="c1" />, 'en', (client) => {
      client.setQueryData(queryKeys.conversation('c1'), { conversation: makeDetail([]) });
    });
    expect(html).toContain('Loading profile…');
    expect(html).not.toContain('profile-conversation');
  });
});
