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
});
