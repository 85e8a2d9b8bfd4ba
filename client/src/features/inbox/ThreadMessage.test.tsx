import { renderStatic } from '../../testing/renderStatic';
import { ThreadMessage } from './ThreadMessage';
import { makeMessage } from './testFixtures';

describe('ThreadMessage', () => {
  it('marks a direct message so it cannot be mistaken for a public post', () => {
    const html = renderStatic(<ThreadMessage message={makeMessage({ channel: 'dm' })} platform="x" />);
    expect(html).toContain('data-channel="dm"');
    expect(html).toContain('msg--dm');
    expect(html).toContain('data-testid="message-dm-tag"');
  });

  it('marks an internal note as such, without delivery state or platform link', () => {
    const note = makeMessage({
      direction: 'note',
      text: 'Ask @Anna Berger about the refund',
      externalUrl: null,
      externalId: null,
      authorName: 'Ben Ott',
      authorHandle: null,
    });
    const html = renderStatic(<ThreadMessage message={note} platform="x" />);
    expect(html).toMatch(/data-direction="note"[^>]*class="msg msg--note"/);
    expect(html).toMatch(/data-testid="message-note-tag"[^>]*>Internal note</);
    expect(html).not.toContain('delivery-state');
    expect(renderStatic(<ThreadMessage message={note} platform="x" />, 'de')).toContain('>Interne Notiz<');
  });

  it('shows a public post without the DM mark, with a link to it on X', () => {
    const html = renderStatic(<ThreadMessage message={makeMessage()} platform="x" />);
    expect(html).toContain('data-channel="public"');
    expect(html).not.toContain('message-dm-tag');
    expect(html).toMatch(
      /<a href="https:\/\/x.com\/jane\/status\/1001"[^>]*data-testid="message-external-link"[^>]*rel="noopener noreferrer nofollow"[^>]*>Open on X<\/a>/,
    );
  });

  it('never links a message to a non-http address', () => {
    const html = renderStatic(
      <ThreadMessage message={makeMessage({ externalUrl: 'javascript:alert(1)' })} platform="x" />,
    );
    expect(html).not.toContain('message-external-link');
    expect(html).not.toContain('javascript:');
  });

  it('shows images lazily with their alt text, and videos as a badged preview linking to the post', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({
          media: [
            {
              type: 'photo',
              url: 'https://pbs.twimg.com/a.jpg',
              altText: 'A broken box',
              width: 800,
              height: 600,
            },
            { type: 'video', url: 'https://pbs.twimg.com/v.jpg', altText: null, width: null, height: null },
            { type: 'photo', url: 'javascript:alert(1)', altText: null, width: null, height: null },
          ],
        })}
        platform="x"
      />,
    );
    expect(html).toContain('src="https://pbs.twimg.com/a.jpg" alt="A broken box"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('alt="Video"');
    expect(html).toContain('<span class="media__badge">Video</span>');
    expect(html).toContain('href="https://x.com/jane/status/1001"');
    expect(html.match(/<img /g)).toHaveLength(2);
  });

  it('shows a quoted post as a card with its text as plain text', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({
          quoted: {
            externalId: '999',
            text: '<b>Big sale</b>',
            authorName: 'ACME',
            authorHandle: 'acme',
            url: 'https://x.com/acme/status/999',
          },
        })}
        platform="x"
      />,
    );
    expect(html).toContain('data-testid="quoted-post"');
    expect(html).toContain('@acme');
    expect(html).toContain('&lt;b&gt;Big sale&lt;/b&gt;');
    expect(html).toContain('href="https://x.com/acme/status/999"');
  });

  it('offers hide and delete on a customer’s Facebook comment, with delete asking first', () => {
    const html = renderStatic(<ThreadMessage message={makeMessage()} platform="facebook" canModerate />);
    expect(html).toContain('data-testid="moderate-hide"');
    expect(html).toContain('data-testid="moderate-delete"');
    expect(html).not.toContain('moderate-unhide');
    expect(html).not.toContain('moderate-delete-confirm');
    expect(html).not.toContain('moderation-hidden');
  });

  it('marks a hidden comment and offers to unhide it', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({ moderation: { hidden: true, deleted: false } })}
        platform="facebook"
        canModerate
      />,
    );
    expect(html).toContain('msg--hidden');
    expect(html).toMatch(/data-testid="moderation-hidden"[^>]*>Hidden from the public</);
    expect(html).toContain('data-testid="moderate-unhide"');
    expect(html).not.toContain('moderate-hide"');
  });

  it('marks a deleted comment, strikes it through and offers no more actions', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({ moderation: { hidden: true, deleted: true } })}
        platform="facebook"
        canModerate
      />,
      'de',
    );
    expect(html).toContain('msg--deleted');
    expect(html).toMatch(/data-testid="moderation-deleted"[^>]*>Gelöscht</);
    expect(html).not.toContain('moderation-hidden');
    expect(html).not.toContain('moderate-');
  });

  it('offers no moderation on X posts, our replies or direct messages', () => {
    for (const [message, platform] of [
      [makeMessage(), 'x'],
      [makeMessage({ direction: 'outbound', deliveryState: 'sent' }), 'facebook'],
      [makeMessage({ channel: 'dm' }), 'facebook'],
    ] as const) {
      expect(renderStatic(<ThreadMessage message={message} platform={platform} canModerate />)).not.toContain(
        'moderate-',
      );
    }
  });

  it('shows a hidden comment’s mark, but no moderation, to someone who may not moderate', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({ moderation: { hidden: true, deleted: false } })}
        platform="facebook"
      />,
    );
    expect(html).toContain('data-testid="moderation-hidden"');
    expect(html).not.toContain('moderate-');
  });

  it('tags a private reply', () => {
    const html = renderStatic(
      <ThreadMessage
        message={makeMessage({
          direction: 'outbound',
          channel: 'dm',
          privateReply: true,
          deliveryState: 'sent',
        })}
        platform="facebook"
      />,
    );
    expect(html).toMatch(/data-testid="message-private-reply-tag"[^>]*>Private reply</);
    expect(
      renderStatic(<ThreadMessage message={makeMessage()} platform="facebook" canModerate />),
    ).not.toContain('message-private-reply-tag');
  });
});
