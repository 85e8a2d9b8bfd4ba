import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { CalendarEditor } from './CalendarEditor';
import { PolicyTable } from './PolicyTable';
import { useSlaSettings } from './slaApi';

/**
 * SLA policies and business calendars (#/sla): admins edit, leads read. Every change recomputes the due
 * times of waiting customers on the server.
 */
export function SlaSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const settings = useSlaSettings();
  const heading = useRef<HTMLHeadingElement>(null);
  // '' = the default calendar; otherwise a team id.
  const [calendarKey, setCalendarKey] = useState('');

  useEffect(() => heading.current?.focus(), []);
  const data = settings.data;
  const calendar = data?.calendars.find((c) => (c.teamId ?? '') === calendarKey);

  return (
    <section data-testid="sla-settings" className="health sla" aria-labelledby={`${base}-title`}>
      <header className="health__header">
        <div>
          <h2 id={`${base}-title`} className="health__title" ref={heading} tabIndex={-1}>
            {t('sla.title')}
          </h2>
          <p className="health__subtitle">{t('sla.subtitle')}</p>
        </div>
        <button data-testid="sla-close" type="button" className="button button--ghost" onClick={onClose}>
          {t('sla.close')}
        </button>
      </header>
      {settings.isError && (
        <div className="banner banner--error" role="alert">
          <span>
            {t('sla.error')} {describeError(t, settings.error)}
          </span>
        </div>
      )}
      {settings.isPending && <p className="placeholder">{t('sla.loading')}</p>}
      {data && !data.canEdit && (
        <p className="sla__readonly" role="note">
          {t('sla.readOnly')}
        </p>
      )}
      {data && (
        <>
          <section className="sla-section" aria-labelledby={`${base}-policies`}>
            <h3 id={`${base}-policies`} className="sla-section__title">
              {t('sla.policiesTitle')}
            </h3>
            <p className="sla-section__hint">{t('sla.policiesHint')}</p>
            <PolicyTable settings={data} />
          </section>
          <section className="sla-section" aria-labelledby={`${base}-calendars`}>
            <h3 id={`${base}-calendars`} className="sla-section__title">
              {t('sla.calendarsTitle')}
            </h3>
            <div className="field sla-section__picker">
              <label className="field__label" htmlFor={`${base}-calendar`}>
                {t('sla.calendar')}
              </label>
              <select
                id={`${base}-calendar`}
                data-testid="sla-calendar-select"
                className="select"
                value={calendarKey}
                onChange={(e) => setCalendarKey(e.target.value)}
              >
                {data.calendars.map((c) => (
                  <option key={c.teamId ?? ''} value={c.teamId ?? ''}>
                    {c.teamId === null
                      ? t('sla.defaultCalendar')
                      : t('sla.teamCalendar', { team: c.teamName })}
                  </option>
                ))}
              </select>
            </div>
            {calendar && (
              <CalendarEditor
                // Fresh drafts when another calendar is picked or a save comes back.
                key={`${calendarKey}:${JSON.stringify(calendar)}`}
                calendar={calendar}
                canEdit={data.canEdit}
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
