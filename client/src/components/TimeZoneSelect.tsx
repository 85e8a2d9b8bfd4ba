import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Every IANA zone the browser knows, with the current one kept even if the browser lacks it. */
function zoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The user's time zone, saved in their profile; all dates and times in the app follow it. */
export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  const { t } = useTranslation();
  const zones = useMemo(() => zoneList(value), [value]);
  return (
    <select
      data-testid="time-zone-select"
      className="select select--compact select--zone"
      aria-label={t('header.timeZone')}
      title={t('header.timeZone')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
