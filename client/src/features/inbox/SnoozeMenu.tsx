import { useTranslation } from 'react-i18next';
import { MenuButton, MenuItem } from '../../components/MenuButton';
import { formatDeadline } from '../../i18n/dateFormat';
import { SNOOZE_PRESETS, snoozeUntil } from './snoozeTimes';

interface SnoozeMenuProps {
  /** Whether the conversation is snoozed now (then Unsnooze is offered). */
  snoozed: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** An ISO time, or null to unsnooze. */
  onSnooze: (until: string | null) => void;
  busy: boolean;
}

/** Snooze for 1 h, 4 h, until tomorrow 9:00 or next Monday 9:00 (agent's clock), each with its time. */
export function SnoozeMenu({ snoozed, open, onOpenChange, onSnooze, busy }: SnoozeMenuProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // Computed when the menu renders, so the times shown are the times that will be sent.
  const now = new Date();
  const choose = (until: string | null) => {
    onOpenChange(false);
    onSnooze(until);
  };

  return (
    <MenuButton
      testId="action-snooze"
      label={t('actions.snooze')}
      title={t('actions.snoozeTitle')}
      menuLabel={t('actions.snoozeMenu')}
      open={open}
      onOpenChange={onOpenChange}
      disabled={busy}
    >
      {SNOOZE_PRESETS.map((preset) => {
        const until = snoozeUntil(preset, now).toISOString();
        return (
          <MenuItem
            key={preset}
            testId="snooze-option"
            data={{ 'data-snooze': preset }}
            onSelect={() => choose(snoozeUntil(preset, new Date()).toISOString())}
          >
            <span>{t(`actions.snoozePreset.${preset}`)}</span>
            <span className="menu__hint">{formatDeadline(until, locale)}</span>
          </MenuItem>
        );
      })}
      {snoozed && (
        <>
          <hr className="menu__separator" />
          <MenuItem testId="snooze-clear" onSelect={() => choose(null)}>
            {t('actions.unsnooze')}
          </MenuItem>
        </>
      )}
    </MenuButton>
  );
}
