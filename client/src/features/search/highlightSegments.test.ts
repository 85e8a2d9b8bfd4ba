import { highlightSegments } from './highlightSegments';

describe('highlightSegments', () => {
  it('marks the given ranges and keeps the rest as plain text', () => {
    expect(
      highlightSegments({
        text: 'my invoice is wrong',
        highlights: [
          { start: 3, end: 10 },
          { start: 14, end: 19 },
        ],
      }),
    ).toEqual([
      { text: 'my ', marked: false },
      { text: 'invoice', marked: true },
      { text: ' is ', marked: false },
      { text: 'wrong', marked: true },
    ]);
  });

  it('never loses or repeats text when ranges overlap, are unsorted or run past the end', () => {
    const text = 'Rechnung falsch';
    const segments = highlightSegments({
      text,
      highlights: [
        { start: 9, end: 99 },
        { start: 0, end: 8 },
        { start: 4, end: 6 },
        { start: 12, end: 3 },
      ],
    });
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['Rechnung', 'falsch']);
  });
});
