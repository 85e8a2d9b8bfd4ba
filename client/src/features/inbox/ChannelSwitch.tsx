import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, type MessageChannel } from '../../../../common/types';
import { LockIcon } from '../../components/LockIcon';

interface ChannelSwitchProps {
  value: MessageChannel;
  onChange: (channel: MessageChannel) => void;
  disabled?: boolean;
}

/**
 * Public reply or direct message, as a segmented control built on native radio buttons: one tab stop,
 * arrow keys move the choice, and screen readers announce it as a radio group without extra ARIA.
 */
export function ChannelSwitch({ value, onChange, disabled = false }: ChannelSwitchProps) {
  const { t } = useTranslation();
  const name = useId();

  return (
    <fieldset data-testid="composer-channel" className="segmented" disabled={disabled}>
      <legend className="visually-hidden">{t('composer.channel.label')}</legend>
      {MESSAGE_CHANNELS.map((channel) => (
        <label
          key={channel}
          data-testid={`composer-channel-${channel}`}
          className={`segmented__option segmented__option--${channel}`}
        >
          <input
            type="radio"
            className="visually-hidden"
            name={name}
            value={channel}
            checked={channel === value}
            onChange={() => onChange(channel)}
          />
          {channel === 'dm' && <LockIcon />}
          {t(`composer.channel.${channel}`)}
        </label>
      ))}
    </fieldset>
  );
}
