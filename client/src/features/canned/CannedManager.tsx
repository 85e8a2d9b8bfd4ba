import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDER_NAMES } from '../../../../common/placeholders';
import type { CannedResponseDto, CannedResponseRequest } from '../../../../common/types';
import { fetchCannedResponses } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../i18n/describeError';
import { useCannedMutations } from './cannedQueries';

const EMPTY: CannedResponseRequest = { shortcut: '', title: '', body: '', language: 'en' };

/** Leads and admins: search, create, edit and delete canned responses (the server checks the role too). */
export function CannedManager({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ id: string | null; body: CannedResponseRequest } | null>(null);
  const list = useQuery({
    queryKey: [...queryKeys.cannedResponses(), 'search', q],
    queryFn: async () => (await fetchCannedResponses(q.trim())).items,
  });
  const { save, remove } = useCannedMutations();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const edit = (item: CannedResponseDto | null) => {
    save.reset();
    setEditing(
      item === null
        ? { id: null, body: EMPTY }
        : {
            id: item.id,
            body: { shortcut: item.shortcut, title: item.title, body: item.body, language: item.language },
          },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React events bubble through portals: this submit must never reach the composer's form.
    event.stopPropagation();
    if (editing === null) return;
    save.mutate(editing, { onSuccess: () => setEditing(null) });
  };

  const field = (name: keyof CannedResponseRequest, value: string) =>
    setEditing((current) =>
      current === null ? null : { ...current, body: { ...current.body, [name]: value } },
    );

  // A portal: the dialog is opened from inside the composer's form, and forms must not nest.
  return createPortal(
    <div className="overlay">
      <div
        data-testid="canned-manager"
        className="dialog dialog--wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {t('canned.manageTitle')}
          </h2>
          <button
            ref={closeRef}
            type="button"
            className="button button--ghost button--small"
            onClick={onClose}
          >
            {t('canned.close')}
          </button>
        </header>
        <p className="muted dialog__hint">
          {t('canned.placeholders', { names: PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(' ') })}
        </p>
        {editing === null ? (
          <>
            <div className="canned-manager__bar">
              <input
                data-testid="canned-manager-search"
                className="input"
                type="search"
                aria-label={t('canned.search')}
                placeholder={t('canned.search')}
                value={q}
                onChange={(event) => setQ(event.target.value)}
              />
              <button
                type="button"
                data-testid="canned-new"
                className="button button--primary"
                onClick={() => edit(null)}
              >
                {t('canned.new')}
              </button>
            </div>
            {list.isError && <p role="alert">{describeError(t, list.error)}</p>}
            {remove.isError && <p role="alert">{describeError(t, remove.error)}</p>}
            <ul className="canned-manager__list">
              {list.data?.map((item) => (
                <li key={item.id} data-testid="canned-manager-row" data-shortcut={item.shortcut}>
                  <span className="canned__shortcut">;{item.shortcut}</span>
                  <span className="canned__title" dir="auto">
                    {item.title}
                  </span>
                  <span className="canned__lang">{item.language}</span>
                  <button
                    type="button"
                    data-testid="canned-edit"
                    className="button button--small"
                    onClick={() => edit(item)}
                  >
                    {t('canned.edit')}
                  </button>
                  <button
                    type="button"
                    data-testid="canned-delete"
                    className="button button--small button--danger"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('canned.confirmDelete', { shortcut: item.shortcut })))
                        remove.mutate(item.id);
                    }}
                  >
                    {t('canned.delete')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <form className="canned-manager__form" onSubmit={submit}>
            <label>
              {t('canned.shortcut')}
              <input
                data-testid="canned-field-shortcut"
                className="input"
                required
                value={editing.body.shortcut}
                onChange={(event) => field('shortcut', event.target.value)}
              />
            </label>
            <label>
              {t('canned.titleField')}
              <input
                data-testid="canned-field-title"
                className="input"
                required
                value={editing.body.title}
                onChange={(event) => field('title', event.target.value)}
              />
            </label>
            <label>
              {t('canned.language')}
              <select
                data-testid="canned-field-language"
                className="input"
                value={editing.body.language}
                onChange={(event) => field('language', event.target.value)}
              >
                <option value="en">English</option>
                <option value="de">Deutsch</option>
              </select>
            </label>
            <label>
              {t('canned.body')}
              <textarea
                data-testid="canned-field-body"
                className="input"
                rows={5}
                required
                value={editing.body.body}
                onChange={(event) => field('body', event.target.value)}
              />
            </label>
            {save.isError && (
              <p className="form-error" role="alert" data-testid="canned-error">
                {describeError(t, save.error)}
              </p>
            )}
            <div className="canned-manager__actions">
              <button type="button" className="button" onClick={() => setEditing(null)}>
                {t('canned.cancel')}
              </button>
              <button
                type="submit"
                data-testid="canned-save"
                className="button button--primary"
                disabled={save.isPending}
              >
                {t('canned.save')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>,
    document.body,
  );
}
