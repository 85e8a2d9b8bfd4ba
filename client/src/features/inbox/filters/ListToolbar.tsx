import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS, type ListSort, type SavedFilterDto } from '../../../../../common/types';
import { describeError } from '../../../i18n/describeError';
import { activeFilterCount, type ListQuery } from '../listQuery';
import { FilterPanel } from './FilterPanel';
import { useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from './savedFilterQueries';

interface ListToolbarProps {
  query: ListQuery;
  onChange: (query: ListQuery) => void;
}

/** Sort order, filters (with a count of active ones), saving them, and the agent's saved filters. */
export function ListToolbar({ query, onChange }: ListToolbarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const saved = useSavedFilters();
  const create = useCreateSavedFilter();
  const remove = useDeleteSavedFilter();
  const active = activeFilterCount(query.filters);

  const apply = (filter: SavedFilterDto) =>
    onChange({ view: filter.view, sort: filter.sort, filters: filter.filters });
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    create.mutate(
      { name: name.trim(), view: query.view, sort: query.sort, filters: query.filters },
      {
        onSuccess: () => {
          setNaming(false);
          setName('');
        },
      },
    );
  };

  return (
    <div className="list-toolbar">
      <div className="list-toolbar__row">
        <label className="list-toolbar__sort" htmlFor={`${id}-sort`}>
          <span className="visually-hidden">{t('inboxList.sort')}</span>
          <select
            id={`${id}-sort`}
            data-testid="list-sort"
            className="select select--compact"
            value={query.sort}
            onChange={(e) => onChange({ ...query, sort: e.target.value as ListSort })}
          >
            {LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`inboxList.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="filters-toggle"
          className={`button button--small${active > 0 ? ' button--active' : ''}`}
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
        >
          {active > 0 ? t('inboxList.filtersActive', { count: active }) : t('inboxList.filters')}
        </button>
        {active > 0 && (
          <button
            type="button"
            data-testid="filters-clear"
            className="button button--small button--ghost"
            onClick={() => onChange({ ...query, filters: {} })}
          >
            {t('inboxList.clearFilters')}
          </button>
        )}
        <button
          type="button"
          data-testid="filter-save"
          className="button button--small button--ghost"
          onClick={() => setNaming(true)}
        >
          {t('inboxList.saveFilter')}
        </button>
      </div>
      {naming && (
        <form className="list-toolbar__row" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`${id}-name`}>
            {t('inboxList.saveFilterName')}
          </label>
          <input
            id={`${id}-name`}
            data-testid="filter-name"
            className="input input--compact"
            placeholder={t('inboxList.saveFilterName')}
            maxLength={60}
            value={name}
            // biome-ignore lint/a11y/noAutofocus: opened on purpose by the agent to type a name.
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(false);
            }}
          />
          <button
            type="submit"
            data-testid="filter-name-save"
            className="button button--small button--primary"
          >
            {t('inboxList.save')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setNaming(false)}
          >
            {t('inboxList.cancel')}
          </button>
          {create.isError && (
            <span className="form-error" role="alert">
              {describeError(t, create.error)}
            </span>
          )}
        </form>
      )}
      <div id={`${id}-panel`} hidden={!open}>
        {open && (
          <FilterPanel value={query.filters} onChange={(filters) => onChange({ ...query, filters })} />
        )}
      </div>
      {(saved.data ?? []).length > 0 && (
        <ul className="saved-filters" aria-label={t('inboxList.savedFilters')}>
          {(saved.data ?? []).map((filter) => (
            <li key={filter.id} className="saved-filters__item">
              <button
                type="button"
                data-testid="saved-filter"
                className="saved-filters__apply"
                onClick={() => apply(filter)}
              >
                {filter.name}
                <span className="views__count">{filter.count}</span>
              </button>
              <button
                type="button"
                className="saved-filters__delete"
                aria-label={t('inboxList.deleteFilter', { name: filter.name })}
                title={t('inboxList.deleteFilter', { name: filter.name })}
                onClick={() => remove.mutate(filter.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
