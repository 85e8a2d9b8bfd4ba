import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OpeningInterval, WEEKDAYS, type Weekday } from '../../../../common/businessTime';
import type { BusinessCalendarDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useAddHoliday, useRemoveHoliday, useRemoveHours, useSaveHours } from './slaApi';

function zoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
  return all.includes(current) ? all : [current, ...all];
}

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Row extends OpeningInterval {
  id: number;
}

/** Weekly opening hours (per weekday, several intervals), time zone and holidays of one calendar. */
export function CalendarEditor({ calendar, canEdit }: { calendar: BusinessCalendarDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const base = useId();
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [rows, setRows] = useState<Row[]>(() =>
    (calendar.configured ? calendar.intervals : []).map((i, id) => ({ ...i, id })),
  );
  const [nextId, setNextId] = useState(rows.length);
  const zones = useMemo(() => zoneList(timeZone), [timeZone]);
  const save = useSaveHours();
  const remove = useRemoveHours();
  const error = save.error ?? remove.error;
  const disabled = !canEdit;

  const addRow = (weekday: Weekday) => {
    setRows((r) => [...r, { id: nextId, weekday, start: '08:00', end: '20:00' }]);
    setNextId((n) => n + 1);
  };
  const change = (id: number, field: 'start' | 'end', value: string) =>
    setRows((r) => r.map((row) => (row.id === id ? { ...row, [field]: value } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      teamId: calendar.teamId,
      body: { timeZone, intervals: rows.map(({ weekday, start, end }) => ({ weekday, start, end })) },
    });
  };

  return (
    <div className="sla-calendar" data-testid="sla-calendar">
      <p className="sla-calendar__state">
        {calendar.configured
          ? t('sla.calendarConfigured')
          : calendar.teamId === null
            ? t('sla.calendarAlwaysOpen')
            : t('sla.calendarFollowsDefault')}
      </p>
      <form onSubmit={submit} aria-label={t('sla.hoursTitle')}>
        <div className="field sla-calendar__zone">
          <label className="field__label" htmlFor={`${base}-zone`}>
            {t('sla.timeZone')}
          </label>
          <select
            id={`${base}-zone`}
            data-testid="sla-time-zone"
            className="select"
            value={timeZone}
            disabled={disabled}
            onChange={(e) => setTimeZone(e.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <table className="sla-table sla-week">
          <caption className="visually-hidden">{t('sla.hoursTitle')}</caption>
          <tbody>
            {WEEKDAYS.map((weekday) => {
              const day = t(`sla.weekday.${DAY_KEYS[weekday - 1]!}`);
              const dayRows = rows.filter((r) => r.weekday === weekday);
              return (
                <tr key={weekday} data-testid={`sla-day-${weekday}`}>
                  <th scope="row">{day}</th>
                  <td>
                    {dayRows.length === 0 && (
                      <span className="sla-week__closed">
                        {calendar.configured ? t('sla.closed') : t('sla.notSet')}
                      </span>
                    )}
                    {dayRows.map((row) => (
                      <span key={row.id} className="sla-week__interval">
                        <input
                          className="input sla-week__time"
                          aria-label={t('sla.opensAt', { day })}
                          placeholder="08:00"
                          pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
                          value={row.start}
                          disabled={disabled}
                          onChange={(e) => change(row.id, 'start', e.target.value)}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          className="input sla-week__time"
                          aria-label={t('sla.closesAt', { day })}
                          placeholder="20:00"
                          pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
                          value={row.end}
                          disabled={disabled}
                          onChange={(e) => change(row.id, 'end', e.target.value)}
                        />
                        {canEdit && (
                          <button
                            type="button"
                            className="button button--small button--ghost"
                            aria-label={t('sla.removeInterval', { day, start: row.start, end: row.end })}
                            onClick={() => setRows((r) => r.filter((x) => x.id !== row.id))}
                          >
                            ×
                          </button>
                        )}
                      </span>
                    ))}
                    {canEdit && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('sla.addIntervalFor', { day })}
                        onClick={() => addRow(weekday)}
                      >
                        {t('sla.addInterval')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {canEdit && (
          <div className="sla-calendar__actions">
            <button
              type="submit"
              data-testid="sla-hours-save"
              className="button button--primary"
              disabled={save.isPending || rows.length === 0}
            >
              {t('sla.saveHours')}
            </button>
            {calendar.configured && (
              <button
                type="button"
                className="button button--ghost"
                disabled={remove.isPending}
                onClick={() => remove.mutate(calendar.teamId)}
              >
                {calendar.teamId === null ? t('sla.resetDefault') : t('sla.useDefault')}
              </button>
            )}
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {describeError(t, error)}
          </p>
        )}
      </form>
      <Holidays calendar={calendar} canEdit={canEdit} />
    </div>
  );
}

function Holidays({ calendar, canEdit }: { calendar: BusinessCalendarDto; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const error = add.error ?? remove.error;
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date === '') return;
    add.mutate(
      { teamId: calendar.teamId, body: { date, name } },
      {
        onSuccess: () => {
          setDate('');
          setName('');
        },
      },
    );
  };

  return (
    <section className="sla-holidays" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`} className="sla-section__subtitle">
        {t('sla.holidaysTitle')}
      </h4>
      {calendar.teamId !== null && !calendar.configured && (
        <p className="sla-calendar__state">{t('sla.holidaysNeedHours')}</p>
      )}
      {calendar.holidays.length === 0 ? (
        <p className="placeholder">{t('sla.noHolidays')}</p>
      ) : (
        <ul className="sla-holidays__list">
          {calendar.holidays.map((h) => (
            <li key={h.id} data-testid="sla-holiday">
              <span>{format(h.date)}</span>
              {h.name && <span className="sla-holidays__name">{h.name}</span>}
              {canEdit && (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={t('sla.removeHoliday', { date: format(h.date) })}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(h.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="sla-holidays__add" onSubmit={submit}>
          <div className="field">
            <label className="field__label" htmlFor={`${base}-date`}>
              {t('sla.holidayDate')}
            </label>
            <input
              id={`${base}-date`}
              className="input"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${base}-name`}>
              {t('sla.holidayName')}
            </label>
            <input
              id={`${base}-name`}
              className="input"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={add.isPending}>
            {t('sla.addHoliday')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
    </section>
  );
}
