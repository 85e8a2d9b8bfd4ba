import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BulkChanges, PRIORITIES, type Priority, type UserDto } from '../../../../../common/types';
import { describeError } from '../../../i18n/describeError';
import { useTeams } from '../filters/savedFilterQueries';
import { undoRequestFor } from './undoChanges';
import { undoStore } from './undoStore';
import { bulkRequest, failuresOf, useBulkRequest } from './useBulkChanges';

interface BulkBarProps {
  selectedIds: readonly string[];
  user: UserDto;
  onClear: () => void;
}

/**
 * Actions on every selected row at once. Each conversation is changed on its own (one refused does not
 * stop the rest), the bar says what could not be done, and the whole action can be undone.
 */
export function BulkBar({ selectedIds, user, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  const bulk = useBulkRequest();
  const teams = useTeams();
  const [message, setMessage] = useState<string | null>(null);
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');

  const run = (changes: BulkChanges) => {
    setMessage(null);
    bulk.mutate(bulkRequest(selectedIds, changes), {
      onSuccess: (response) => {
        const undo = undoRequestFor(response.results, changes);
        const done = response.results.filter((r) => r.ok).length;
        if (undo !== null) undoStore.record({ what: 'bulk', count: done, request: undo });
        const { failed, reason } = failuresOf(response);
        if (failed > 0) {
          setMessage(t('bulk.partial', { failed, total: response.results.length, reason: reason ?? '' }));
        } else onClear();
      },
    });
  };
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const value = tag.trim().toLowerCase();
    if (value === '') return;
    run({ addTags: [value] });
    setTagging(false);
    setTag('');
  };

  return (
    <div data-testid="bulk-bar" className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <span className="bulk-bar__count" role="status">
        {t('bulk.selected', { count: selectedIds.length })}
      </span>
      <button
        type="button"
        data-testid="bulk-assign-me"
        className="button button--small"
        disabled={bulk.isPending}
        onClick={() => run({ assigneeId: user.id })}
      >
        {t('bulk.assignMe')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={bulk.isPending}
        onClick={() => run({ assigneeId: null })}
      >
        {t('bulk.unassign')}
      </button>
      <button
        type="button"
        data-testid="bulk-resolve"
        className="button button--small"
        disabled={bulk.isPending}
        onClick={() => run({ status: 'resolved' })}
      >
        {t('bulk.resolve')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={bulk.isPending}
        onClick={() => run({ status: 'pending' })}
      >
        {t('bulk.pending')}
      </button>
      <select
        className="select select--compact"
        aria-label={t('bulk.priority')}
        data-testid="bulk-priority"
        value=""
        disabled={bulk.isPending}
        onChange={(e) => {
          if ((PRIORITIES as readonly string[]).includes(e.target.value))
            run({ priority: e.target.value as Priority });
        }}
      >
        <option value="">{t('bulk.priority')}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
      {(teams.data ?? []).length > 0 && (
        <select
          className="select select--compact"
          aria-label={t('bulk.team')}
          value=""
          disabled={bulk.isPending}
          onChange={(e) => {
            if (e.target.value !== '') run({ teamId: e.target.value });
          }}
        >
          <option value="">{t('bulk.team')}</option>
          {(teams.data ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      )}
      {tagging ? (
        <form className="bulk-bar__tag" onSubmit={addTag}>
          <input
            data-testid="bulk-tag-input"
            className="input input--compact"
            aria-label={t('bulk.tagName')}
            maxLength={40}
            value={tag}
            // biome-ignore lint/a11y/noAutofocus: opened on purpose by the agent to type a tag.
            autoFocus
            onChange={(e) => setTag(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setTagging(false);
            }}
          />
        </form>
      ) : (
        <button
          type="button"
          data-testid="bulk-add-tag"
          className="button button--small"
          disabled={bulk.isPending}
          onClick={() => setTagging(true)}
        >
          {t('bulk.addTag')}
        </button>
      )}
      <button
        type="button"
        data-testid="bulk-clear"
        className="button button--small button--ghost"
        onClick={onClear}
      >
        {t('bulk.clear')}
      </button>
      {bulk.isPending && <span role="status">{t('bulk.working')}</span>}
      {message !== null && (
        <span className="form-error" role="alert">
          {message}
        </span>
      )}
      {bulk.isError && (
        <span className="form-error" role="alert">
          {describeError(t, bulk.error)}
        </span>
      )}
    </div>
  );
}
