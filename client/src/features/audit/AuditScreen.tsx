import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEntryDto } from '../../../../common/audit';
import { formatFullTimestamp } from '../../i18n/dateFormat';
import { describeError } from '../../i18n/describeError';
import { useManagedUsers } from '../users/userAdminQueries';
import { type AuditFilters, auditSearchParams, EMPTY_AUDIT_FILTERS, useAuditLog } from './auditQueries';

/** The audit log (#/audit, admins): filter by who, action, dates and text; page back; export CSV. */
export function AuditScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const log = useAuditLog(filters);
  const users = useManagedUsers();
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const exportParams = auditSearchParams(filters);
  exportParams.set('format', 'csv');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const field = (key: keyof AuditFilters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  return (
    <section data-testid="audit-screen" className="health audit" aria-labelledby={`${base}-title`}>
      <header className="health__header">
        <h2 id={`${base}-title`} className="health__title">
          {t('admin.audit.title')}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('admin.audit.close')}
        </button>
      </header>
      <form className="audit__filters" aria-label={t('admin.audit.filters')} onSubmit={apply}>
        <label className="field">
          <span className="field__label">{t('admin.audit.actor')}</span>
          <select className="select" data-testid="audit-actor" {...field('actor')}>
            <option value="">{t('admin.audit.anyActor')}</option>
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.audit.action')}</span>
          <select className="select" data-testid="audit-action" {...field('action')}>
            <option value="">{t('admin.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.audit.from')}</span>
          <input className="input" type="date" {...field('from')} />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.audit.to')}</span>
          <input className="input" type="date" {...field('to')} />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.audit.text')}</span>
          <input className="input" type="search" data-testid="audit-text" maxLength={200} {...field('q')} />
        </label>
        <button type="submit" className="button" data-testid="audit-apply">
          {t('admin.audit.apply')}
        </button>
        <a
          className="button button--ghost"
          data-testid="audit-export"
          href={`/api/audit?${exportParams}`}
          download
        >
          {t('admin.audit.export')}
        </a>
      </form>
      {log.isError && (
        <div className="banner banner--error" role="alert">
          {describeError(t, log.error)}
        </div>
      )}
      {log.isPending ? (
        <p className="placeholder">{t('admin.audit.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="placeholder">{t('admin.audit.empty')}</p>
      ) : (
        <div className="users__scroll">
          <table className="sla-table audit__table" data-testid="audit-table">
            <caption className="sla-table__caption">{t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.origin')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <AuditRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="button"
          data-testid="audit-more"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? t('admin.audit.loadingMore') : t('admin.audit.more')}
        </button>
      )}
    </section>
  );
}

function AuditRow({ entry }: { entry: AuditEntryDto }) {
  const { t, i18n } = useTranslation();
  const actor =
    entry.actorName ??
    (entry.actorKind === 'user' ? entry.actorUserId : t(`admin.audit.${entry.actorKind}`)) ??
    '';
  return (
    <tr data-testid="audit-row">
      <td>{formatFullTimestamp(entry.at, i18n.resolvedLanguage ?? 'en')}</td>
      <td className="users__text">{actor}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td className="users__text">{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : ''}</td>
      <td className="users__text" title={entry.userAgent ?? undefined}>
        {entry.ip ?? ''}
      </td>
      <td className="users__text audit__data">{JSON.stringify(entry.data)}</td>
    </tr>
  );
}
