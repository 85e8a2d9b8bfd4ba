import { renderStatic } from '../../testing/renderStatic';
import { SHORTCUT_HELP } from './keymap';
import { ShortcutsHelp } from './ShortcutsHelp';

describe('ShortcutsHelp', () => {
  it('lists every shortcut with its keys and what it does', () => {
    const html = renderStatic(<ShortcutsHelp onClose={() => undefined} />);
    expect(html).toContain('data-testid="shortcuts-help"');
    expect(html.match(/class="shortcuts__row"/g)).toHaveLength(SHORTCUT_HELP.length);
    expect(html).toMatch(/<kbd class="kbd">j<\/kbd><\/dt><dd[^>]*>Next conversation in the list</);
    expect(html).toMatch(/<kbd class="kbd">\?<\/kbd><\/dt><dd[^>]*>Show this help</);
    expect(html).toContain('<kbd class="kbd">Ctrl/⌘</kbd><kbd class="kbd">Enter</kbd>');
  });

  it('speaks German, Strg included', () => {
    const html = renderStatic(<ShortcutsHelp onClose={() => undefined} />, 'de');
    expect(html).toContain('Tastenkürzel');
    expect(html).toContain('<kbd class="kbd">Strg/⌘</kbd>');
    expect(html).toContain('Interne Notiz schreiben');
  });
});
