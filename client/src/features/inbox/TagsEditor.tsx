import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTags, MAX_TAG_LENGTH, removeTag } from './tagList';

interface TagsEditorProps {
  tags: readonly string[];
  /** Applied at once (optimistically), so the next tag typed builds on this one: no need to wait. */
  onChange: (tags: string[]) => void;
}

/** The conversation's tags as chips: type and press Enter to add (commas for several), × to remove. */
export function TagsEditor({ tags, onChange }: TagsEditorProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState('');

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring form semantics to a row of chips
    <div className="tags-editor" role="group" aria-label={t('actions.tags')}>
      {tags.map((tag) => (
        <span key={tag} data-testid="tag-chip" data-tag={tag} className="tag">
          <span dir="auto">{tag}</span>
          <button
            data-testid="tag-remove"
            type="button"
            className="tag__remove"
            aria-label={t('actions.removeTag', { tag })}
            title={t('actions.removeTag', { tag })}
            onClick={() => onChange(removeTag(tags, tag))}
          >
            ×
          </button>
        </span>
      ))}
      <label className="visually-hidden" htmlFor={inputId}>
        {t('actions.addTag')}
      </label>
      <input
        id={inputId}
        data-testid="action-tags"
        className="tags-editor__input"
        dir="auto"
        value={draft}
        maxLength={MAX_TAG_LENGTH * 4}
        placeholder={t('actions.addTag')}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
          event.preventDefault();
          const next = addTags(tags, draft);
          if (next !== null) onChange(next);
          setDraft('');
        }}
      />
    </div>
  );
}
