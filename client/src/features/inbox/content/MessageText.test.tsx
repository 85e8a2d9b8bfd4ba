import { renderToStaticMarkup } from 'react-dom/server';
import { MessageText } from './MessageText';

describe('MessageText', () => {
  it('shows markup in a post as text, never as HTML', () => {
    const html = renderToStaticMarkup(
      <MessageText text={'<img src=x onerror="alert(1)"> & <b>hi</b>'} entities={null} platform="x" />,
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;hi&lt;/b&gt;');
  });

  it('links entities in a new tab without opener, referrer or follow', () => {
    const html = renderToStaticMarkup(
      <MessageText
        text="@jane see https://t.co/abc"
        entities={{
          urls: [
            {
              start: 10,
              end: 26,
              url: 'https://t.co/abc',
              expandedUrl: 'https://example.com/a',
              displayUrl: 'example.com/a',
            },
          ],
          mentions: [{ start: 0, end: 5, username: 'jane' }],
          hashtags: [],
        }}
        platform="x"
      />,
    );
    expect(html).toContain(
      '<a href="https://x.com/jane" class="msg__entity msg__entity--mention" target="_blank" rel="noopener noreferrer nofollow">@jane</a>',
    );
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('>example.com/a</a>');
    expect(html).not.toContain('t.co');
  });

  it('renders a javascript: link target as plain text', () => {
    const html = renderToStaticMarkup(
      <MessageText
        text="click https://t.co/x"
        entities={{
          urls: [
            {
              start: 6,
              end: 20,
              url: 'https://t.co/x',
              expandedUrl: 'javascript:alert(1)',
              displayUrl: 'a.com',
            },
          ],
          mentions: [],
          hashtags: [],
        }}
        platform="x"
      />,
    );
    expect(html).not.toContain('<a');
    expect(html).not.toContain('javascript');
    expect(html).toContain('click https://t.co/x');
  });
});
