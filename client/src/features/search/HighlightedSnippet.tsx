import type { HighlightedText } from '../../../../common/types';
import { highlightSegments } from './highlightSegments';

/** The snippet as text nodes with the matched words in <mark>; the text is never parsed as HTML. */
export function HighlightedSnippet({ snippet }: { snippet: HighlightedText }) {
  return (
    <>
      {highlightSegments(snippet).map((segment, index) =>
        segment.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder.
          <mark key={index} className="search-hit__mark">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
