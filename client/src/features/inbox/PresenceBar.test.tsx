import { renderStatic } from '../../testing/renderStatic';
import { PresenceBar, RowViewers } from './PresenceBar';

const ben = { userId: 'ben', name: 'Ben Okafor', initials: 'BO', typing: true };
const lea = { userId: 'lea', name: 'Lea Schmidt', initials: 'LS', typing: false };

describe('PresenceBar', () => {
  it('says who is replying and who is viewing, in English and German', () => {
    const html = renderStatic(<PresenceBar colleagues={[ben, lea]} />);
    expect(html).toContain('Also here:');
    expect(html).toContain('Ben Okafor is replying…');
    expect(html).toContain('Lea Schmidt is viewing');
    expect(html).toMatch(/data-typing="true"[^>]*title="Ben Okafor is replying…"/);
    const german = renderStatic(<PresenceBar colleagues={[ben]} />, 'de');
    expect(german).toContain('Ben Okafor antwortet gerade…');
  });

  it('renders nothing but the live region when nobody else is here', () => {
    const html = renderStatic(<PresenceBar colleagues={[]} />);
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toContain('Also here');
  });

  it('shows at most three initials in a row, each with its sentence for screen readers', () => {
    const many = ['A', 'B', 'C', 'D'].map((x) => ({
      userId: x,
      name: `User ${x}`,
      initials: x,
      typing: false,
    }));
    const html = renderStatic(<RowViewers colleagues={many} />);
    expect(html.match(/presence-chip--small/g)).toHaveLength(3);
    expect(html).toContain('User A is viewing');
    expect(html).not.toContain('User D');
    expect(renderStatic(<RowViewers colleagues={[]} />)).toBe('');
  });
});
