import type { CannedResponseDto } from '../../../../common/types';
import { cannedTriggerAt, insertAt, matchCanned } from './cannedMatch';

const canned = (shortcut: string, title: string, body = ''): CannedResponseDto => ({
  id: shortcut,
  shortcut,
  title,
  body,
  language: 'en',
  teamId: null,
  createdBy: null,
  createdAt: '2026-11-21T00:00:00.000Z',
  updatedAt: '2026-11-21T00:00:00.000Z',
});

describe('cannedTriggerAt', () => {
  it('finds ";shortcut" at the start or after whitespace, up to the caret', () => {
    expect(cannedTriggerAt(';ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(cannedTriggerAt('Hallo ;re', 9)).toEqual({ start: 6, query: 're' });
    expect(cannedTriggerAt('Hallo\n;', 7)).toEqual({ start: 6, query: '' });
  });

  it('ignores a semicolon inside a sentence, or once a space follows the shortcut', () => {
    expect(cannedTriggerAt('Hallo; danke', 12)).toBeNull();
    expect(cannedTriggerAt('a;ref', 5)).toBeNull();
    expect(cannedTriggerAt(';ref and more', 13)).toBeNull();
    expect(cannedTriggerAt('no trigger', 10)).toBeNull();
  });
});

describe('matchCanned', () => {
  const items = [
    canned('router', 'Router restart', 'unplug it'),
    canned('refund', 'Refund on the way'),
    canned('stoerung', 'Bekannte Störung'),
    canned('dm', 'Bitte per DM', 'schick uns deine Kundennummer'),
  ];

  it('puts shortcuts beginning with the query first', () => {
    expect(matchCanned(items, 'r').map((c) => c.shortcut)).toEqual(['refund', 'router', 'dm', 'stoerung']);
    expect(matchCanned(items, 'ref').map((c) => c.shortcut)).toEqual(['refund']);
  });

  it('also finds titles and bodies, accents folded', () => {
    expect(matchCanned(items, 'storung').map((c) => c.shortcut)).toEqual(['stoerung']);
    expect(matchCanned(items, 'kundennummer').map((c) => c.shortcut)).toEqual(['dm']);
    expect(matchCanned(items, 'zzz')).toEqual([]);
  });

  it('offers everything, alphabetically, for an empty query, within the limit', () => {
    expect(matchCanned(items, '', 3).map((c) => c.shortcut)).toEqual(['dm', 'refund', 'router']);
  });
});

describe('insertAt', () => {
  it('replaces the typed shortcut and puts the caret after the insertion', () => {
    expect(insertAt('Hallo ;ref danke', { from: 6, to: 10 }, 'Hi Jana')).toEqual({
      text: 'Hallo Hi Jana danke',
      caret: 13,
    });
  });

  it('inserts at the caret when nothing is selected', () => {
    expect(insertAt('ab', { from: 1, to: 1 }, 'X')).toEqual({ text: 'aXb', caret: 2 });
  });
});
