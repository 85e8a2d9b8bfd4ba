import { useTranslation } from 'react-i18next';
import { AVAILABILITIES } from '../../../../common/routing';
import { useAvailability, useSetAvailability } from './routingQueries';

/** The agent's own Available / Away switch: away agents get no new conversations automatically. */
export function AvailabilityToggle() {
  const { t } = useTranslation();
  const availability = useAvailability();
  const set = useSetAvailability();
  // Shows the choice at once; the server's answer confirms it (or the previous value returns on error).
  const current = (set.isPending ? set.variables : availability.data) ?? 'available';
  return (
    <fieldset className="availability" data-testid="availability-toggle" aria-busy={set.isPending}>
      <legend className="visually-hidden">{t('routing.availability.label')}</legend>
      {AVAILABILITIES.map((value) => (
        <label key={value} className={`availability__option availability__option--${value}`}>
          <input
            type="radio"
            name="availability"
            value={value}
            checked={current === value}
            disabled={availability.isLoading}
            onChange={() => set.mutate(value)}
          />
          <span>{t(`routing.availability.${value}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
