import { renderStatic } from '../../testing/renderStatic';
import { Thread } from './Thread';
import { makeMessage } from './testFixtures';

describe('Thread', () => {
  it('shows the page post above the comments written under it, once, as plain text', () => {
    const contextPost = {
      externalId: 'page_1',
      text: '<b>Our autumn sale</b> starts today!',
      url: 'https://www.facebook.com/acme/posts/1',
    };
    const html = renderStatic(
      <Thread
        messages={[
          makeMessage({ id: 'a', contextPost }),
          makeMessage({ id: 'b', direction: 'outbound', deliveryState: 'sent' }),
          makeMessage({ id: 'c', contextPost }),
        ]}
        platform="facebook"
        canModerate
      />,
    );
    expect(html.match(/data-testid="context-post"/g)).toHaveLength(1);
    expect(html.indexOf('data-testid="context-post"')).toBeLessThan(html.indexOf('data-message-id="a"'));
    expect(html).toContain('On the page post:');
    expect(html).toContain('&lt;b&gt;Our autumn sale&lt;/b&gt; starts today!');
    expect(html).toMatch(/<a href="https:\/\/www.facebook.com\/acme\/posts\/1"[^>]*>Open post<\/a>/);
  });

  it('shows a post without a safe link as text only', () => {
    const contextPost = { externalId: 'page_1', text: 'Hello', url: 'javascript:alert(1)' };
    const html = renderStatic(
      <Thread messages={[makeMessage({ contextPost })]} platform="facebook" canModerate={false} />,
    );
    expect(html).toContain('data-testid="context-post"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('Open post');
  });
});
